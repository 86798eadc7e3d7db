using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Clerk.Models.Testing;

/// <summary>
/// Compares JSON the way an exact round trip must preserve it: the same members in any order,
/// arrays in order, strings equal once unescaped, and numbers with identical text.
/// </summary>
internal static class ExactJson
{
    /// <summary>Compares two items of an array, or two values, at <paramref name="path"/>.</summary>
    public delegate string? ElementComparison(JsonElement expected, JsonElement actual, string path);

    /// <returns>
    /// The first difference, as its JSON path and what differs there
    /// (<c>$.emails[0].id: expected "a" but found "b"</c>), or <see langword="null"/> when the two are exactly equal.
    /// </returns>
    public static string? FindDifference(string expected, string actual)
    {
        using var expectedDocument = JsonDocument.Parse(expected);
        using var actualDocument = JsonDocument.Parse(actual);
        return FindDifference(expectedDocument.RootElement, actualDocument.RootElement, "$");
    }

    /// <inheritdoc cref="FindDifference(string, string)"/>
    public static string? FindDifference(ReadOnlyMemory<byte> expectedUtf8, ReadOnlyMemory<byte> actualUtf8)
    {
        using var expectedDocument = JsonDocument.Parse(expectedUtf8);
        using var actualDocument = JsonDocument.Parse(actualUtf8);
        return FindDifference(expectedDocument.RootElement, actualDocument.RootElement, "$");
    }

    /// <inheritdoc cref="FindDifference(string, string)"/>
    /// <param name="path">Where the two elements are, as the start of every path reported.</param>
    public static string? FindDifference(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            return $"{path}: expected {Describe(expected)} but found {Describe(actual)}";
        }

        return expected.ValueKind switch
        {
            JsonValueKind.Object => FindObjectDifference(expected, actual, path),
            JsonValueKind.Array => FindItemDifference(expected, actual, path, FindDifference),
            // "\u00e9" and "é" are the same string, but 1.0 and 1 are not the same number text.
            JsonValueKind.String => StringText.Of(expected) == StringText.Of(actual) ? null : Mismatch(path, expected, actual),
            JsonValueKind.Number => expected.GetRawText() == actual.GetRawText() ? null : Mismatch(path, expected, actual),
            // true, false and null are fully told apart by their kind.
            _ => null,
        };
    }

    /// <summary>
    /// Compares two arrays item by item with <paramref name="compareItems"/>, so that a looser
    /// comparison can still hold arrays to the same order and length.
    /// </summary>
    public static string? FindItemDifference(JsonElement expected, JsonElement actual, string path, ElementComparison compareItems)
    {
        var expectedLength = expected.GetArrayLength();
        var actualLength = actual.GetArrayLength();
        var shared = Math.Min(expectedLength, actualLength);
        for (var i = 0; i < shared; i++)
        {
            if (compareItems(expected[i], actual[i], $"{path}[{i}]") is { } difference)
            {
                return difference;
            }
        }

        // Items in common come first: a missing or extra item often shifts the rest.
        return expectedLength == actualLength ? null : $"{path}: expected {Items(expectedLength)} but found {Items(actualLength)}";
    }

    /// <summary>The path of member <paramref name="name"/> of the object at <paramref name="path"/>.</summary>
    public static string MemberPath(string path, string name)
    {
        var plain = name.Length > 0
            && (char.IsAsciiLetter(name[0]) || name[0] == '_')
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        return plain ? path + "." + name : path + "['" + name.Replace("'", "\\'", StringComparison.Ordinal) + "']";
    }

    private static string? FindObjectDifference(JsonElement expected, JsonElement actual, string path)
    {
        // A queue of positions per name rather than one value, so that repeated member names are
        // matched one for one, in order, and the first member left over can be named.
        var actualMembers = actual.EnumerateObject().Select(member => (Name: StringText.OfName(member), member.Value)).ToList();
        var positions = new Dictionary<StringText, Queue<int>>();
        for (var i = 0; i < actualMembers.Count; i++)
        {
            if (!positions.TryGetValue(actualMembers[i].Name, out var queue))
            {
                positions.Add(actualMembers[i].Name, queue = new Queue<int>());
            }

            queue.Enqueue(i);
        }

        var matched = new bool[actualMembers.Count];
        foreach (var member in expected.EnumerateObject())
        {
            var name = StringText.OfName(member);
            if (!positions.TryGetValue(name, out var queue) || !queue.TryDequeue(out var position))
            {
                return $"{path}: member '{name.Text}' is missing";
            }

            matched[position] = true;
            if (FindDifference(member.Value, actualMembers[position].Value, MemberPath(path, name.Text)) is { } difference)
            {
                return difference;
            }
        }

        var extra = Array.IndexOf(matched, false);
        return extra < 0 ? null : $"{path}: unexpected member '{actualMembers[extra].Name.Text}'";
    }

    private static string Mismatch(string path, JsonElement expected, JsonElement actual)
        => $"{path}: expected {expected.GetRawText()} but found {actual.GetRawText()}";

    private static string Items(int count) => count == 1 ? "1 item" : count + " items";

    private static string Describe(JsonElement element)
        => element.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            _ => element.GetRawText(),
        };

    /// <summary>
    /// A JSON string (value or member name) as comparable text: unescaped, or still escaped when it
    /// holds a lone surrogate such as "\ud800", which is valid JSON but cannot be a .NET string.
    /// </summary>
    private readonly record struct StringText(string Text, bool IsEscaped)
    {
        public static StringText Of(JsonElement value)
        {
            try
            {
                return new(value.GetString()!, IsEscaped: false);
            }
            catch (InvalidOperationException)
            {
                return new(value.GetRawText(), IsEscaped: true);
            }
        }

        public static StringText OfName(JsonProperty member)
        {
            try
            {
                return new(member.Name, IsEscaped: false);
            }
            catch (InvalidOperationException)
            {
                return new(Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8PropertyName(member)), IsEscaped: true);
            }
        }
    }
}
