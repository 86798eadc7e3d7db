using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using Clerk.Models.Generator.Model;
using Microsoft.OpenApi;

namespace Clerk.Models.Generator.Read.Text;

/// <summary>
/// Checks that the keywords models are built from hold the kind of value OpenAPI gives them: a schema
/// is a mapping, <c>nullable</c> is true or false, <c>required</c> lists names, a <c>$ref</c> names
/// something. The parsing library throws on some of these, drops others without a word and keeps no
/// line for any. The check walks the JSON tree the library reads; only a problem costs a location.
/// </summary>
internal static class SpecShapeCheck
{
    private static readonly string[] BooleanKeywords = { "nullable", "deprecated", "readOnly", "writeOnly", "uniqueItems" };
    private static readonly string[] SchemaKeywords = { "items", "not" };
    private static readonly string[] SchemaListKeywords = { "allOf", "oneOf", "anyOf" };
    private static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace", "query" };

    public static List<(LocationInfo Location, string Message)> Find(JsonNode? root, SpecLocator locator)
    {
        var problems = new List<(LocationInfo, string)>();
        if (root is not JsonObject document)
        {
            return problems;
        }

        void Report(string pointer, string message) => problems.Add((locator.Locate(pointer), message));

        // Payloads first, so that the components, pushed after them, are checked and reported first.
        var schemas = new Stack<(string Pointer, JsonNode? Node)>();
        QueuePayloads(document, schemas);
        if (Mapping(document, "components", "/components", "'components'", Report) is { } components)
        {
            QueueValues(Mapping(components, "schemas", "/components/schemas", "'components/schemas'", Report), "/components/schemas", schemas);
        }

        QueueValues(Mapping(document, "definitions", "/definitions", "'definitions'", Report), "/definitions", schemas);

        // A stack, not recursion: a spec may nest schemas hundreds of levels deep.
        while (schemas.Count > 0)
        {
            var (pointer, node) = schemas.Pop();
            CheckSchema(pointer, node, schemas, Report);
        }

        return problems;
    }

    private static void CheckSchema(string pointer, JsonNode? node, Stack<(string, JsonNode?)> schemas, Action<string, string> report)
    {
        if (node is not JsonObject schema)
        {
            // OpenAPI 3.1 allows 'true' and 'false' as schemas.
            if (!IsBoolean(node))
            {
                report(pointer, "The schema '" + SpecLocator.LastSegment(pointer) + "' must be a mapping of keywords; found " + Describe(node));
            }

            return;
        }

        foreach (var keyword in BooleanKeywords)
        {
            if (schema.TryGetPropertyValue(keyword, out var value) && !IsBoolean(value))
            {
                report(pointer + "/" + keyword, "'" + keyword + "' must be true or false; found " + Describe(value));
            }
        }

        if (schema.TryGetPropertyValue("$ref", out var reference) && reference is JsonValue referenceValue
            && referenceValue.TryGetValue<string>(out var text)
            && (text.Trim().Length == 0 || text.EndsWith("/", StringComparison.Ordinal) || text == "#"))
        {
            report(pointer + "/$ref", "'$ref' must name a schema, such as '#/components/schemas/Pet'; found '" + text + "'");
        }

        if (schema.TryGetPropertyValue("required", out var required) && required is JsonArray names)
        {
            for (var i = 0; i < names.Count; i++)
            {
                if (names[i] is not JsonValue || IsNull(names[i]))
                {
                    report(pointer + "/required/" + i, "'required' must list member names; found " + Describe(names[i]));
                }
            }
        }

        if (schema.TryGetPropertyValue("properties", out var properties) && properties is JsonObject members)
        {
            foreach (var member in members)
            {
                schemas.Push((pointer + "/properties/" + SpecLocator.Escape(member.Key), member.Value));
            }
        }

        if (schema.TryGetPropertyValue("additionalProperties", out var additional))
        {
            if (additional is JsonObject)
            {
                schemas.Push((pointer + "/additionalProperties", additional));
            }
            else if (!IsBoolean(additional))
            {
                report(pointer + "/additionalProperties", "'additionalProperties' must be true, false or a schema; found " + Describe(additional));
            }
        }

        foreach (var keyword in SchemaKeywords)
        {
            if (schema.TryGetPropertyValue(keyword, out var child) && child is JsonObject)
            {
                schemas.Push((pointer + "/" + keyword, child));
            }
        }

        foreach (var keyword in SchemaListKeywords)
        {
            if (schema.TryGetPropertyValue(keyword, out var list) && list is JsonArray parts)
            {
                for (var i = 0; i < parts.Count; i++)
                {
                    schemas.Push((pointer + "/" + keyword + "/" + i, parts[i]));
                }
            }
        }
    }

    /// <summary>
    /// The schemas of the JSON bodies that get models: operations' and webhooks' request bodies and
    /// responses, and the bodies of <c>components/requestBodies</c> and <c>components/responses</c>.
    /// Only what is a mapping on the way there is followed; the library judges the rest of a path item.
    /// </summary>
    private static void QueuePayloads(JsonObject document, Stack<(string, JsonNode?)> schemas)
    {
        var found = new List<(string, JsonNode?)>();

        void Content(JsonNode? holder, string pointer)
        {
            if (holder is not JsonObject body)
            {
                return;
            }

            if (body["content"] is JsonObject content)
            {
                foreach (var media in content)
                {
                    if (media.Value is JsonObject type && type.TryGetPropertyValue("schema", out var schema) && OpenApi.OpenApiAdapter.IsJson(media.Key))
                    {
                        found.Add((pointer + "/content/" + SpecLocator.Escape(media.Key) + "/schema", schema));
                    }
                }
            }
            else if (body.TryGetPropertyValue("schema", out var schema))
            {
                // OpenAPI 2.0: a response's schema, or a body parameter's.
                found.Add((pointer + "/schema", schema));
            }
        }

        void PathItems(JsonNode? items, string pointer)
        {
            foreach (var item in items as JsonObject ?? new JsonObject())
            {
                var itemPointer = pointer + "/" + SpecLocator.Escape(item.Key);
                foreach (var method in Methods)
                {
                    if (item.Value is not JsonObject path || path[method] is not JsonObject operation)
                    {
                        continue;
                    }

                    var operationPointer = itemPointer + "/" + method;
                    Content(operation["requestBody"], operationPointer + "/requestBody");
                    if (operation["parameters"] is JsonArray parameters)
                    {
                        for (var i = 0; i < parameters.Count; i++)
                        {
                            if (parameters[i] is JsonObject parameter && parameter["in"] is JsonValue where && where.TryGetValue<string>(out var location) && location == "body")
                            {
                                Content(parameter, operationPointer + "/parameters/" + i);
                            }
                        }
                    }

                    foreach (var response in operation["responses"] as JsonObject ?? new JsonObject())
                    {
                        Content(response.Value, operationPointer + "/responses/" + SpecLocator.Escape(response.Key));
                    }
                }
            }
        }

        PathItems(document["paths"], "/paths");
        PathItems(document["webhooks"], "/webhooks");
        PathItems(document["x-webhooks"], "/x-webhooks");
        if (document["components"] is JsonObject components)
        {
            foreach (var kind in new[] { "requestBodies", "responses" })
            {
                foreach (var entry in components[kind] as JsonObject ?? new JsonObject())
                {
                    Content(entry.Value, "/components/" + kind + "/" + SpecLocator.Escape(entry.Key));
                }
            }
        }

        for (var i = found.Count - 1; i >= 0; i--)
        {
            schemas.Push(found[i]);
        }
    }

    /// <summary>The mapping under <paramref name="name"/>, or null when absent, empty or (reported) not a mapping.</summary>
    private static JsonObject? Mapping(JsonObject parent, string name, string pointer, string description, Action<string, string> report)
    {
        if (!parent.TryGetPropertyValue(name, out var node) || IsNull(node))
        {
            return null;
        }

        if (node is JsonObject mapping)
        {
            return mapping;
        }

        report(pointer, description + " must be a mapping; found " + Describe(node));
        return null;
    }

    private static void QueueValues(JsonObject? mapping, string pointer, Stack<(string, JsonNode?)> schemas)
    {
        if (mapping is null)
        {
            return;
        }

        // Pushed in reverse so that they are checked, and reported, in the order written.
        var entries = new List<KeyValuePair<string, JsonNode?>>(mapping);
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            schemas.Push((pointer + "/" + SpecLocator.Escape(entries[i].Key), entries[i].Value));
        }
    }

    private static bool IsBoolean(JsonNode? node)
        => node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False;

    /// <summary>JSON's null, or the placeholder the library's YAML conversion puts for YAML's <c>~</c>.</summary>
    private static bool IsNull(JsonNode? node) => node is null || node.IsJsonNullSentinel();

    private static string Describe(JsonNode? node)
    {
        if (IsNull(node))
        {
            return "nothing (null)";
        }

        return node switch
        {
            JsonObject => "a mapping",
            JsonArray => "a sequence",
            JsonValue value when value.TryGetValue<string>(out var text) => "'" + Shorten(text) + "'",
            _ => "'" + Shorten(node!.ToJsonString()) + "'",
        };
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "…";
}
