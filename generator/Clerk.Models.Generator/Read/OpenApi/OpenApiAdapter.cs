using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Clerk.Models.Generator.Diagnostics;
using Clerk.Models.Generator.Read.Schemas;
using Clerk.Models.Generator.Read.Text;
using Microsoft.OpenApi;

namespace Clerk.Models.Generator.Read.OpenApi;

/// <summary>
/// The one place that knows where the parsing library (Microsoft.OpenApi) loses, misreads or trips over
/// part of a spec, and how each is worked around. The model builder asks its questions about schemas
/// here: when the library's objects cannot answer, the spec text (through <see cref="SpecLocator"/>) does,
/// so the builder never consults two sources itself. (Parsing the text, which the library would also do
/// less well, is <see cref="SpecParser"/>'s.)
/// </summary>
internal sealed partial class OpenApiAdapter
{
    /// <summary>Far beyond any real spec; the library follows alias chains recursively.</summary>
    private const int MaxAliasChain = 256;

    private readonly SpecLocator _locator;
    private readonly IDictionary<string, IOpenApiSchema> _components;
    private readonly OpenApiDocument _document;

    public OpenApiAdapter(OpenApiDocument document, SpecLocator locator)
    {
        _locator = locator;
        _document = document;
        _components = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
    }

    /// <summary>The component schemas in spec order. A component that is not a mapping (<c>Pet: 5</c>) is null.</summary>
    public IDictionary<string, IOpenApiSchema> Components => _components;

    public static string ComponentPointer(string id) => "/components/schemas/" + SpecLocator.Escape(id);

    /// <summary>
    /// The component a local <c>$ref</c> names, or null. The library leaves the last pointer segment
    /// percent-encoded (<c>Line%20Item</c>) or pointer-escaped (<c>a~1b</c>).
    /// </summary>
    public string? ComponentIdOf(OpenApiSchemaReference reference)
    {
        if (reference.Reference?.ExternalResource is { Length: > 0 } || reference.Reference?.Id is not { Length: > 0 } id)
        {
            return null;
        }

        if (_components.ContainsKey(id))
        {
            return id;
        }

        var decoded = Uri.UnescapeDataString(id).Replace("~1", "/").Replace("~0", "~");
        return _components.ContainsKey(decoded) ? decoded : null;
    }

    /// <summary>A discriminator mapping's value is a $ref, or just a schema name ("text: TextBlock"), which the library takes for a file.</summary>
    public string? MappedComponent(OpenApiSchemaReference target)
        => ComponentIdOf(target)
           ?? (target.Reference?.ExternalResource is { } name && _components.ContainsKey(name) ? name : null);

    /// <summary>The schema a chain of references ends at, or null when it ends nowhere in this document.</summary>
    public IOpenApiSchema? Dereference(IOpenApiSchema schema)
    {
        for (var depth = 0; depth < 64 && schema is OpenApiSchemaReference reference; depth++)
        {
            if (ComponentIdOf(reference) is not { } id || !_components.TryGetValue(id, out var target) || target is null)
            {
                return null;
            }

            schema = target;
        }

        return schema is OpenApiSchemaReference ? null : schema;
    }

    /// <summary>
    /// The <c>$ref</c> at <paramref name="pointer"/> as the spec writes it, for messages: the library's
    /// own spelling of an unresolved reference changes between its versions (<c>#/paths</c> became
    /// <c>#/components/schemas/Pet/paths</c>).
    /// </summary>
    public string ReferenceText(OpenApiSchemaReference reference, string pointer, string fallback)
        => _locator.ScalarAt(pointer + "/$ref") ?? reference.Reference?.ReferenceV3 ?? fallback;

    /// <summary>The other file a <c>$ref</c> points into, or null for a local one.</summary>
    public static string? ExternalFile(OpenApiSchemaReference reference) => reference.Reference?.ExternalResource is { Length: > 0 } file ? file : null;

    /// <summary>The schema name a <c>$ref</c> into another file ends with.</summary>
    public static string? ExternalId(OpenApiSchemaReference reference) => reference.Reference?.Id is { Length: > 0 } id ? id : null;

    /// <summary>
    /// True for a local <c>$ref</c> that goes past a component's name, into its members
    /// (<c>#/components/schemas/Person/properties/name</c>), which the library reads as the component <c>name</c>.
    /// </summary>
    public bool IsReferenceIntoSchema(string pointer)
    {
        if (_locator.ScalarAt(pointer + "/$ref") is not { } written)
        {
            return false;
        }

        foreach (var prefix in new[] { "#/components/schemas/", "#/definitions/" })
        {
            if (written.StartsWith(prefix, StringComparison.Ordinal))
            {
                return written.IndexOf('/', prefix.Length) >= 0;
            }
        }

        return false;
    }

    /// <summary>The written <c>$ref</c> at <paramref name="pointer"/>, for messages.</summary>
    public string? WrittenReference(string pointer) => _locator.ScalarAt(pointer + "/$ref");

    /// <summary>
    /// The schema to read a member's keywords from. A $ref to no component of this document (another
    /// file, which is not loaded, or nothing) has no target, and asking the library for its keywords
    /// can throw while it tries to resolve one; only what is written beside the $ref counts.
    /// </summary>
    public IOpenApiSchema Annotations(IOpenApiSchema schema)
        => schema is OpenApiSchemaReference reference && ComponentIdOf(reference) is null
            ? new OpenApiSchema { Description = reference.Reference?.Description }
            : schema;

    public bool IsNullable(IOpenApiSchema schema, string pointer)
    {
        if (schema.Type is { } type && (type & JsonSchemaType.Null) != 0
            || (schema.Enum?.Any(IsNull) ?? false)
            || SchemaClassifier.HasNullAlternative(schema))
        {
            return true;
        }

        // 3.1 documents that still write 3.0's "nullable: true" (a $ref's sibling among them).
        if (schema.UnrecognizedKeywords?.TryGetValue("nullable", out var node) == true && node is JsonValue value
            && value.TryGetValue<bool>(out var flag))
        {
            return flag;
        }

        // The library drops "nullable: true" when no "type" stands beside it, as in
        // "nullable: true, allOf: [$ref]": read it from the text.
        return schema is not OpenApiSchemaReference
            && schema.Type is null
            && (schema.AllOf is { Count: > 0 } || schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 })
            && _locator.ScalarAt(pointer + "/nullable") == "true";
    }

    /// <summary>The type a <c>const</c> with no <c>type</c> implies: the library keeps it as text, so the spec's own spelling decides.</summary>
    public JsonSchemaType TypeOfConstant(string constant, string pointer)
    {
        if (_locator.IsQuoted(pointer))
        {
            return JsonSchemaType.String;
        }

        if (constant.Equals("true", StringComparison.OrdinalIgnoreCase) || constant.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return JsonSchemaType.Boolean;
        }

        if (long.TryParse(constant, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            return JsonSchemaType.Integer;
        }

        return double.TryParse(constant, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? JsonSchemaType.Number
            : JsonSchemaType.String;
    }

    /// <summary>JSON's null, or the placeholder the library's YAML conversion puts for YAML's <c>~</c>.</summary>
    public static bool IsNull(JsonNode? node) => node is null || node.IsJsonNullSentinel();

    /// <summary>The <c>enum</c> values that are not null, with their index in the list.</summary>
    public static List<(JsonValue Node, int Index)> EnumValues(IOpenApiSchema schema)
        => (schema.Enum ?? new List<JsonNode>())
            .Select((node, i) => (Node: node as JsonValue, Index: i))
            .Where(v => v.Node is not null && !v.Node.IsJsonNullSentinel())
            .Select(v => (v.Node!, v.Index))
            .ToList();

    /// <summary>
    /// A scalar as the spec writes it: whether it is a string, and its text (a string's value, or a number's
    /// JSON text). The library's YAML conversion loses a number's text (<c>1.0</c> becomes <c>1</c>, <c>-0.0</c>
    /// becomes <c>-0</c>) and reads some unquoted numbers as strings (<c>1e+308</c>), which YAML 1.2 and
    /// JSON read as numbers; so the written text decides when it is a JSON number. Other YAML spellings
    /// (<c>0x1F</c>) keep the library's value.
    /// </summary>
    public (bool IsString, string Text) ScalarOf(JsonValue node, string pointer)
    {
        var written = _locator.ScalarAt(pointer);
        if (node.TryGetValue<string>(out var text))
        {
            return written is not null && !_locator.IsQuoted(pointer) && IsJsonNumber(written) ? (false, written) : (true, text);
        }

        return node.GetValueKind() == System.Text.Json.JsonValueKind.Number && written is not null && IsJsonNumber(written)
            ? (false, written)
            : (false, node.ToJsonString());
    }

    private static bool IsJsonNumber(string text)
    {
        var reader = new System.Text.Json.Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text));
        try
        {
            return reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.Number && !reader.Read();
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>The text of a string extension (<c>x-clerk-models-unix-time: seconds</c>), or null.</summary>
    public static string? StringExtension(IOpenApiSchema schema, string name)
        => (schema.Extensions?.TryGetValue(name, out var extension) ?? false)
           && extension is JsonNodeExtension { Node: JsonValue value } && value.TryGetValue<string>(out var text)
            ? text
            : null;

    /// <summary>3.1's <c>prefixItems</c>, which the library does not model.</summary>
    public static bool HasPrefixItems(IOpenApiSchema schema) => schema.UnrecognizedKeywords?.ContainsKey("prefixItems") == true;

    /// <summary>
    /// <c>type: [string, integer]</c>, and a oneOf of bare types, which the library folds into one
    /// <c>type</c>: one schema per type, so that they can be a union's alternatives.
    /// </summary>
    public static List<IOpenApiSchema> SeveralTypes(IOpenApiSchema schema)
    {
        var types = new List<IOpenApiSchema>();
        if (schema is OpenApiSchemaReference || schema.Type is not { } type)
        {
            return types;
        }

        foreach (var single in new[] { JsonSchemaType.Boolean, JsonSchemaType.Integer, JsonSchemaType.Number, JsonSchemaType.String, JsonSchemaType.Array, JsonSchemaType.Object })
        {
            if ((type & single) != 0)
            {
                types.Add(new OpenApiSchema
                {
                    Type = single,
                    Format = schema.Format,
                    Items = single == JsonSchemaType.Array ? schema.Items : null,
                    Properties = single == JsonSchemaType.Object ? schema.Properties : null,
                    AdditionalProperties = single == JsonSchemaType.Object ? schema.AdditionalProperties : null,
                });
            }
        }

        return types.Count >= 2 ? types : new List<IOpenApiSchema>();
    }

    /// <summary>
    /// Alias components (<c>A: {$ref: B}</c>) whose chain never reaches a schema, because it loops or
    /// runs longer than <see cref="MaxAliasChain"/> links. The library follows such a chain recursively
    /// on every keyword it is asked for, throwing on a loop and overflowing the stack on a long one; so
    /// they are reported, and before anything else reads the document, every reference to them becomes
    /// the empty schema (free-form JSON).
    /// </summary>
    public void SetAsideBrokenAliases(Action<Microsoft.CodeAnalysis.DiagnosticDescriptor, string, object?[]> report)
    {
        // Links from each alias to the schema its chain ends at; Never for a chain that loops.
        const int Never = int.MaxValue;
        var links = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in _components)
        {
            if (pair.Value is not OpenApiSchemaReference || links.ContainsKey(pair.Key))
            {
                continue;
            }

            var chain = new List<string>();
            var onChain = new HashSet<string>(StringComparer.Ordinal);
            var current = pair.Key;
            int end;
            while (true)
            {
                if (links.TryGetValue(current, out end))
                {
                    break;
                }

                if (!_components.TryGetValue(current, out var schema) || schema is not OpenApiSchemaReference reference || ComponentIdOf(reference) is not { } next)
                {
                    end = 0;
                    break;
                }

                if (!onChain.Add(current))
                {
                    report(DiagnosticDescriptors.UnsupportedSchema, ComponentPointer(current), new object?[] { "A reference cycle made only of aliases", ComponentPointer(current) });
                    end = Never;
                    break;
                }

                chain.Add(current);
                current = next;
            }

            for (var i = chain.Count - 1; i >= 0; i--)
            {
                end = end == Never ? Never : end + 1;
                links[chain[i]] = end;
            }
        }

        var tooLong = links.Where(l => l.Value != Never && l.Value > MaxAliasChain).Select(l => l.Key).ToList();
        if (tooLong.Count > 0)
        {
            var first = _components.Keys.First(tooLong.Contains);
            report(DiagnosticDescriptors.UnsupportedSchema, ComponentPointer(first), new object?[] { "A chain of more than " + MaxAliasChain + " $ref aliases", ComponentPointer(first) });
        }

        var broken = new HashSet<string>(links.Where(l => l.Value > MaxAliasChain).Select(l => l.Key), StringComparer.Ordinal);
        if (broken.Count > 0)
        {
            ReplaceReferences(broken);
        }
    }

    /// <summary>Replaces each reference to one of <paramref name="ids"/>, anywhere in a component, with the empty schema.</summary>
    private void ReplaceReferences(HashSet<string> ids)
    {
        bool IsBroken(IOpenApiSchema? schema) => schema is OpenApiSchemaReference reference && ComponentIdOf(reference) is { } id && ids.Contains(id);

        var visited = new HashSet<IOpenApiSchema>();
        var pending = new Stack<IOpenApiSchema>(_components.Values.OfType<OpenApiSchema>());
        while (pending.Count > 0)
        {
            if (pending.Pop() is not OpenApiSchema schema || !visited.Add(schema))
            {
                continue;
            }

            if (schema.Properties is { } properties)
            {
                foreach (var name in properties.Keys.ToList())
                {
                    properties[name] = IsBroken(properties[name]) ? new OpenApiSchema() : properties[name];
                    pending.Push(properties[name]);
                }
            }

            foreach (var list in new[] { schema.AllOf, schema.OneOf, schema.AnyOf })
            {
                for (var i = 0; list is not null && i < list.Count; i++)
                {
                    list[i] = IsBroken(list[i]) ? new OpenApiSchema() : list[i];
                    pending.Push(list[i]);
                }
            }

            schema.Items = IsBroken(schema.Items) ? new OpenApiSchema() : schema.Items;
            schema.AdditionalProperties = IsBroken(schema.AdditionalProperties) ? new OpenApiSchema() : schema.AdditionalProperties;
            schema.Not = IsBroken(schema.Not) ? new OpenApiSchema() : schema.Not;
            foreach (var child in new[] { schema.Items, schema.AdditionalProperties, schema.Not })
            {
                if (child is not null)
                {
                    pending.Push(child);
                }
            }
        }

        foreach (var id in ids)
        {
            _components[id] = new OpenApiSchema();
        }
    }
}
