using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Clerk.Models.Generator.Tests.Robustness.Infrastructure;

namespace Clerk.Models.Generator.Tests.Examples;

/// <summary>What an example is written on.</summary>
public enum ExampleOwner
{
    /// <summary>A Schema Object's <c>example</c>, or an item of its <c>examples</c> array (3.1).</summary>
    Schema,

    /// <summary>A Media Type Object's <c>example</c>, or a value of its <c>examples</c> map.</summary>
    MediaType,

    /// <summary>A Parameter or Header Object's <c>example</c> or <c>examples</c>: a value of its <c>schema</c>.</summary>
    Parameter,

    /// <summary>An entry of <c>components/examples</c> that nothing uses: a value of no schema.</summary>
    Component,
}

/// <summary>One example value written in a spec.</summary>
/// <param name="Pointer">Where the example is written: the <c>example</c> member, or an entry of <c>examples</c>.</param>
/// <param name="ValuePointer">Where its value is: <paramref name="Pointer"/>, or the <c>value</c> of the Example Object it is or names.</param>
/// <param name="SchemaPointer">The schema the value is an instance of; null when its owner has none.</param>
/// <param name="Value">The value; null when there is none to read (see <paramref name="Unreadable"/>).</param>
/// <param name="MediaType">The media type whose example it is, or whose schema it is written in; null for a parameter's or a component's.</param>
/// <param name="Unreadable">Why the value cannot be read from the spec (an <c>externalValue</c>, a <c>$ref</c> that names nothing...).</param>
public sealed record SpecExample(string Pointer, string ValuePointer, ExampleOwner Owner, string? SchemaPointer, YamlNode? Value, string? MediaType, string? Unreadable = null);

/// <summary>
/// Finds every <c>example</c> and <c>examples</c> of an OpenAPI 3.0 or 3.1 document by walking its
/// structure: paths, webhooks (3.1 <c>webhooks</c> and the <c>x-webhooks</c> extension), callbacks and
/// components, down to every Schema, Media Type, Parameter and Header Object. Walking the structure
/// rather than every key keeps out what only looks like an example: a property, schema or response
/// named <c>example</c>, and members of example values, enums, defaults and extensions. Entries of
/// <c>components/examples</c> that nothing uses are examples too, of no schema.
/// </summary>
public sealed class ExampleCollector
{
    private static readonly string[] Operations = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    /// <summary>Keywords whose value is one schema.</summary>
    private static readonly string[] SchemaKeywords =
    {
        "items", "additionalProperties", "additionalItems", "not", "if", "then", "else", "contains",
        "propertyNames", "unevaluatedItems", "unevaluatedProperties",
    };

    /// <summary>Keywords whose value is a list of schemas.</summary>
    private static readonly string[] SchemaListKeywords = { "allOf", "oneOf", "anyOf", "prefixItems" };

    /// <summary>Keywords whose value maps names to schemas.</summary>
    private static readonly string[] SchemaMapKeywords = { "properties", "patternProperties", "$defs", "definitions", "dependentSchemas" };

    private readonly YamlMapping _root;
    private readonly List<SpecExample> _examples = new();
    private readonly HashSet<string> _usedExampleObjects = new(StringComparer.Ordinal);

    private ExampleCollector(YamlMapping root) => _root = root;

    /// <summary>The examples of <paramref name="root"/>, in document order.</summary>
    public static IReadOnlyList<SpecExample> Collect(YamlNode root)
    {
        if (root is not YamlMapping mapping)
        {
            return new List<SpecExample>();
        }

        var collector = new ExampleCollector(mapping);
        collector.Document();
        return collector._examples;
    }

    /// <summary>The node at a JSON pointer into <paramref name="root"/>, or null when there is none.</summary>
    public static YamlNode? At(YamlNode root, string pointer)
    {
        if (pointer.Length == 0)
        {
            return root;
        }

        if (pointer[0] != '/')
        {
            return null;
        }

        var node = root;
        foreach (var token in pointer.Substring(1).Split('/').Select(Unescape))
        {
            node = node switch
            {
                YamlMapping mapping => mapping[token],
                YamlSequence sequence when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                    && index < sequence.Items.Count => sequence.Items[index],
                _ => null,
            };

            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>A name as one token of a JSON pointer: <c>~</c> as <c>~0</c>, <c>/</c> as <c>~1</c>.</summary>
    public static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>The JSON pointer a <c>$ref</c> into this document names (<c>#/components/schemas/User</c>), percent-decoded; null for another document's.</summary>
    public static string? LocalPointer(string reference)
        => reference.StartsWith("#/", StringComparison.Ordinal) ? Uri.UnescapeDataString(reference.Substring(1)) : null;

    public static string Unescape(string token) => token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    private static IEnumerable<(string Name, YamlNode Value)> Members(YamlNode? node)
        => node is YamlMapping mapping
            ? mapping.Entries.Where(e => e.Key is YamlScalar).Select(e => (((YamlScalar)e.Key).Value, e.Value))
            : Enumerable.Empty<(string, YamlNode)>();

    private static IEnumerable<(int Index, YamlNode Value)> Items(YamlNode? node)
        => node is YamlSequence sequence ? sequence.Items.Select((item, i) => (i, item)) : Enumerable.Empty<(int, YamlNode)>();

    private static string Child(string pointer, string name) => pointer + "/" + Escape(name);

    private static string Child(string pointer, int index) => pointer + "/" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>A Reference Object: it is walked where it points, if that is a component.</summary>
    private static bool IsReference(YamlNode node) => node is YamlMapping mapping && mapping["$ref"] is YamlScalar;

    private void Document()
    {
        foreach (var key in new[] { "paths", "webhooks", "x-webhooks" })
        {
            foreach (var (name, item) in Members(_root[key]))
            {
                PathItem(item, Child("/" + key, name));
            }
        }

        var components = _root["components"] as YamlMapping;
        var sections = new (string Name, Action<YamlNode, string> Walk)[]
        {
            ("schemas", (schema, pointer) => Schema(schema, pointer)),
            ("responses", Response),
            ("parameters", Parameter),
            ("requestBodies", RequestBody),
            ("headers", Parameter),
            ("pathItems", PathItem),
            ("callbacks", Callback),
        };
        foreach (var (section, walk) in sections)
        {
            foreach (var (name, component) in Members(components?[section]))
            {
                walk(component, Child("/components/" + section, name));
            }
        }

        UnusedExampleObjects(components);
    }

    private void PathItem(YamlNode item, string pointer)
    {
        if (IsReference(item))
        {
            return;
        }

        ParameterList(item, pointer);
        foreach (var (name, operation) in Members(item).Where(m => Operations.Contains(m.Name)))
        {
            var at = Child(pointer, name);
            ParameterList(operation, at);
            if (operation is YamlMapping mapping)
            {
                if (mapping["requestBody"] is { } body)
                {
                    RequestBody(body, Child(at, "requestBody"));
                }

                foreach (var (status, response) in Members(mapping["responses"]))
                {
                    Response(response, Child(Child(at, "responses"), status));
                }

                foreach (var (callbackName, callback) in Members(mapping["callbacks"]))
                {
                    Callback(callback, Child(Child(at, "callbacks"), callbackName));
                }
            }
        }
    }

    private void Callback(YamlNode callback, string pointer)
    {
        if (IsReference(callback))
        {
            return;
        }

        foreach (var (expression, item) in Members(callback))
        {
            PathItem(item, Child(pointer, expression));
        }
    }

    private void ParameterList(YamlNode owner, string pointer)
    {
        foreach (var (index, parameter) in Items(owner is YamlMapping mapping ? mapping["parameters"] : null))
        {
            Parameter(parameter, Child(Child(pointer, "parameters"), index));
        }
    }

    private void RequestBody(YamlNode body, string pointer)
    {
        if (!IsReference(body))
        {
            Content(body, pointer);
        }
    }

    private void Response(YamlNode response, string pointer)
    {
        if (IsReference(response))
        {
            return;
        }

        Content(response, pointer);
        foreach (var (name, header) in Members(response is YamlMapping mapping ? mapping["headers"] : null))
        {
            Parameter(header, Child(Child(pointer, "headers"), name));
        }
    }

    private void Content(YamlNode owner, string pointer)
    {
        foreach (var (mediaType, media) in Members(owner is YamlMapping mapping ? mapping["content"] : null))
        {
            ExamplesOf(media, Child(Child(pointer, "content"), mediaType), ExampleOwner.MediaType, mediaType);
        }
    }

    /// <summary>A Parameter or Header Object: its own examples, its schema's, and those of its content.</summary>
    private void Parameter(YamlNode parameter, string pointer)
    {
        if (IsReference(parameter))
        {
            return;
        }

        ExamplesOf(parameter, pointer, ExampleOwner.Parameter, mediaType: null);
        Content(parameter, pointer);
    }

    /// <summary>
    /// The examples of a Media Type, Parameter or Header Object (<c>example</c>, or <c>examples</c>: a
    /// map of Example Objects), which are instances of its <c>schema</c>; then that schema's own.
    /// </summary>
    private void ExamplesOf(YamlNode owner, string pointer, ExampleOwner kind, string? mediaType)
    {
        if (owner is not YamlMapping mapping)
        {
            return;
        }

        var schemaPointer = mapping["schema"] is null ? null : Child(pointer, "schema");
        if (mapping["example"] is { } example)
        {
            _examples.Add(new SpecExample(Child(pointer, "example"), Child(pointer, "example"), kind, schemaPointer, example, mediaType));
        }

        foreach (var (name, entry) in Members(mapping["examples"]))
        {
            _examples.Add(ExampleObject(entry, Child(Child(pointer, "examples"), name), kind, schemaPointer, mediaType));
        }

        if (mapping["schema"] is { } schema)
        {
            Schema(schema, Child(pointer, "schema"), mediaType);
        }
    }

    /// <summary>An Example Object, or a <c>$ref</c> to one in <c>components/examples</c>: its <c>value</c>.</summary>
    private SpecExample ExampleObject(YamlNode entry, string pointer, ExampleOwner kind, string? schemaPointer, string? mediaType)
    {
        var at = pointer;
        var target = entry;
        for (var hops = 0; target is YamlMapping mapping && mapping["$ref"] is YamlScalar reference; hops++)
        {
            if (hops == 8 || LocalPointer(reference.Value) is not { } referenced || At(_root, referenced) is not { } found)
            {
                return new SpecExample(pointer, at, kind, schemaPointer, null, mediaType, "its $ref '" + reference.Value + "' names no Example Object in this document");
            }

            at = referenced;
            target = found;
        }

        _usedExampleObjects.Add(at);
        if (target is YamlMapping example && example["value"] is { } value)
        {
            return new SpecExample(pointer, Child(at, "value"), kind, schemaPointer, value, mediaType);
        }

        return target is YamlMapping external && external["externalValue"] is YamlScalar file
            ? new SpecExample(pointer, at, kind, schemaPointer, null, mediaType, "its value is in another file (externalValue '" + file.Value + "')")
            : new SpecExample(pointer, at, kind, schemaPointer, null, mediaType, "it is not an Example Object with a 'value'");
    }

    /// <summary>The entries of <c>components/examples</c> that no media type, parameter or header uses: examples of no schema.</summary>
    private void UnusedExampleObjects(YamlMapping? components)
    {
        foreach (var (name, entry) in Members(components?["examples"]))
        {
            var pointer = Child("/components/examples", name);
            if (!_usedExampleObjects.Contains(pointer))
            {
                _examples.Add(ExampleObject(entry, pointer, ExampleOwner.Component, schemaPointer: null, mediaType: null));
            }
        }
    }

    private void Schema(YamlNode schema, string pointer, string? mediaType = null)
    {
        if (schema is not YamlMapping mapping)
        {
            return;
        }

        if (mapping["example"] is { } example)
        {
            _examples.Add(new SpecExample(Child(pointer, "example"), Child(pointer, "example"), ExampleOwner.Schema, pointer, example, mediaType));
        }

        switch (mapping["examples"])
        {
            case YamlSequence examples:
                foreach (var (index, item) in Items(examples))
                {
                    var at = Child(Child(pointer, "examples"), index);
                    _examples.Add(new SpecExample(at, at, ExampleOwner.Schema, pointer, item, mediaType));
                }

                break;
            case not null:
                var notArray = Child(pointer, "examples");
                _examples.Add(new SpecExample(notArray, notArray, ExampleOwner.Schema, pointer, null, mediaType, "a schema's 'examples' is an array of values, and this is not one"));
                break;
        }

        foreach (var keyword in SchemaKeywords)
        {
            if (mapping[keyword] is { } sub)
            {
                Schema(sub, Child(pointer, keyword), mediaType);
            }
        }

        foreach (var keyword in SchemaListKeywords)
        {
            foreach (var (index, sub) in Items(mapping[keyword]))
            {
                Schema(sub, Child(Child(pointer, keyword), index), mediaType);
            }
        }

        // OpenAPI 2.0 and some 3.0 documents write a tuple's schemas as a list under 'items'.
        foreach (var (index, sub) in Items(mapping["items"]))
        {
            Schema(sub, Child(Child(pointer, "items"), index), mediaType);
        }

        foreach (var keyword in SchemaMapKeywords)
        {
            foreach (var (name, sub) in Members(mapping[keyword]))
            {
                Schema(sub, Child(Child(pointer, keyword), name), mediaType);
            }
        }
    }
}
