using System;
using System.Collections.Generic;
using Clerk.Models.Generator.Model;

namespace Clerk.Models.Generator.Read;

/// <summary>
/// Checks, on the text, that the keywords models are built from hold the kind of value OpenAPI gives
/// them: a schema is a mapping, <c>nullable</c> is true or false, <c>required</c> lists names, a
/// <c>$ref</c> names something. The parsing library throws on some of these, drops others without a
/// word and keeps no line for any; this finds each one where it is written.
/// </summary>
internal static class SpecShapeCheck
{
    private static readonly string[] BooleanKeywords = { "nullable", "deprecated", "readOnly", "writeOnly", "uniqueItems" };
    private static readonly string[] SchemaListKeywords = { "allOf", "oneOf", "anyOf" };

    public static List<(LocationInfo Location, string Message)> Find(SpecLocator locator)
    {
        var problems = new List<(LocationInfo, string)>();
        if (!locator.IsComplete)
        {
            // What the parser could not index cannot be judged: the library's own errors stand alone.
            return problems;
        }

        foreach (var (pointer, location) in locator.DuplicateKeys)
        {
            problems.Add((location, "'" + LastSegment(pointer) + "' is written twice in the same mapping; write each key once"));
        }

        var schemas = new Stack<string>();
        if (ExpectMapping(locator, "/components", "'components'", problems))
        {
            QueueValues(locator, "/components/schemas", "'components/schemas'", schemas, problems);
        }

        QueueValues(locator, "/definitions", "'definitions'", schemas, problems);

        // A stack, not recursion: a spec may nest schemas thousands of levels deep.
        while (schemas.Count > 0)
        {
            CheckSchema(locator, schemas.Pop(), schemas, problems);
        }

        return problems;
    }

    private static void CheckSchema(SpecLocator locator, string pointer, Stack<string> schemas, List<(LocationInfo, string)> problems)
    {
        var kind = locator.KindAt(pointer);
        if (kind != NodeKind.Mapping)
        {
            // OpenAPI 3.1 allows 'true' and 'false' as schemas.
            if (!IsBoolean(locator, pointer))
            {
                problems.Add((locator.Locate(pointer), "The schema '" + LastSegment(pointer) + "' must be a mapping of keywords; found " + Describe(locator, pointer)));
            }

            return;
        }

        foreach (var keyword in BooleanKeywords)
        {
            var at = pointer + "/" + keyword;
            if (locator.KindAt(at) is not null && !IsBoolean(locator, at))
            {
                problems.Add((locator.Locate(at), "'" + keyword + "' must be true or false; found " + Describe(locator, at)));
            }
        }

        var reference = pointer + "/$ref";
        if (locator.KindAt(reference) is NodeKind.Scalar or NodeKind.String)
        {
            var text = locator.ScalarAt(reference) ?? string.Empty;
            if (text.Trim().Length == 0 || text.EndsWith("/", StringComparison.Ordinal) || text == "#")
            {
                problems.Add((locator.Locate(reference), "'$ref' must name a schema, such as '#/components/schemas/Pet'; found '" + text + "'"));
            }
        }

        var required = pointer + "/required";
        if (locator.KindAt(required) == NodeKind.Sequence)
        {
            foreach (var item in locator.ChildrenOf(required))
            {
                if (locator.KindAt(item) is not (NodeKind.Scalar or NodeKind.String))
                {
                    problems.Add((locator.Locate(item), "'required' must list member names; found " + Describe(locator, item)));
                }
            }
        }

        var properties = pointer + "/properties";
        if (locator.KindAt(properties) == NodeKind.Mapping)
        {
            foreach (var property in locator.ChildrenOf(properties))
            {
                schemas.Push(property);
            }
        }

        var additional = pointer + "/additionalProperties";
        if (locator.KindAt(additional) == NodeKind.Mapping)
        {
            schemas.Push(additional);
        }
        else if (locator.KindAt(additional) is not null && !IsBoolean(locator, additional))
        {
            problems.Add((locator.Locate(additional), "'additionalProperties' must be true, false or a schema; found " + Describe(locator, additional)));
        }

        foreach (var keyword in new[] { "items", "not" })
        {
            if (locator.KindAt(pointer + "/" + keyword) == NodeKind.Mapping)
            {
                schemas.Push(pointer + "/" + keyword);
            }
        }

        foreach (var keyword in SchemaListKeywords)
        {
            if (locator.KindAt(pointer + "/" + keyword) == NodeKind.Sequence)
            {
                foreach (var part in locator.ChildrenOf(pointer + "/" + keyword))
                {
                    schemas.Push(part);
                }
            }
        }
    }

    /// <summary>Checks that <paramref name="pointer"/>, when present, is a mapping; queues its values as schemas.</summary>
    private static void QueueValues(SpecLocator locator, string pointer, string name, Stack<string> schemas, List<(LocationInfo, string)> problems)
    {
        if (!ExpectMapping(locator, pointer, name, problems))
        {
            return;
        }

        var children = locator.ChildrenOf(pointer);
        for (var i = children.Count - 1; i >= 0; i--)
        {
            schemas.Push(children[i]);
        }
    }

    private static bool ExpectMapping(SpecLocator locator, string pointer, string name, List<(LocationInfo, string)> problems)
    {
        var kind = locator.KindAt(pointer);
        if (kind is null or NodeKind.Null)
        {
            return false;
        }

        if (kind != NodeKind.Mapping)
        {
            problems.Add((locator.Locate(pointer), name + " must be a mapping; found " + Describe(locator, pointer)));
            return false;
        }

        return true;
    }

    private static bool IsBoolean(SpecLocator locator, string pointer)
        => locator.KindAt(pointer) == NodeKind.Scalar
           && locator.ScalarAt(pointer) is { } text
           && (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase));

    private static string Describe(SpecLocator locator, string pointer) => locator.KindAt(pointer) switch
    {
        NodeKind.Mapping => "a mapping",
        NodeKind.Sequence => "a sequence",
        NodeKind.Null => "nothing (null)",
        NodeKind.Alias => "an alias",
        _ => "'" + Shorten(locator.ScalarAt(pointer) ?? string.Empty) + "'",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "…";

    private static string LastSegment(string pointer)
    {
        var segment = pointer.Substring(pointer.LastIndexOf('/') + 1);
        return segment.Replace("~1", "/").Replace("~0", "~");
    }
}
