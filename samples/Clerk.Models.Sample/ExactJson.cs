using System;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Clerk.Models.Sample;

/// <summary>
/// Compares JSON the way an exact round trip must preserve it: the same members in any order,
/// arrays in order, strings equal once unescaped, and numbers with identical text.
/// </summary>
internal static class ExactJson
{
    /// <returns>The JSON path of the first difference, or <see langword="null"/> when the two are exactly equal.</returns>
    public static string? FindDifference(string expected, string actual)
    {
        using var expectedDocument = JsonDocument.Parse(expected);
        using var actualDocument = JsonDocument.Parse(actual);
        return FindDifference(expectedDocument.RootElement, actualDocument.RootElement, "$");
    }

    private static string? FindDifference(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            return path;
        }

        return expected.ValueKind switch
        {
            JsonValueKind.Object => FindObjectDifference(expected, actual, path),
            JsonValueKind.Array => FindArrayDifference(expected, actual, path),
            // "\u00e9" and "é" are the same string, but 1.0 and 1 are not the same number text.
            JsonValueKind.String => StringText.Of(expected) == StringText.Of(actual) ? null : path,
            JsonValueKind.Number => expected.GetRawText() == actual.GetRawText() ? null : path,
            // true, false and null are fully told apart by their kind.
            _ => null,
        };
    }

    private static string? FindObjectDifference(JsonElement expected, JsonElement actual, string path)
    {
        // A list rather than a dictionary, so that repeated member names are matched one for one.
        var unmatched = actual.EnumerateObject().Select(member => (Name: StringText.OfName(member), member.Value)).ToList();
        foreach (var member in expected.EnumerateObject())
        {
            var name = StringText.OfName(member);
            var memberPath = AppendName(path, name.Text);
            var index = unmatched.FindIndex(candidate => candidate.Name == name);
            if (index < 0)
            {
                return memberPath;
            }

            if (FindDifference(member.Value, unmatched[index].Value, memberPath) is { } difference)
            {
                return difference;
            }

            unmatched.RemoveAt(index);
        }

        return unmatched.Count == 0 ? null : AppendName(path, unmatched[0].Name.Text);
    }

    private static string? FindArrayDifference(JsonElement expected, JsonElement actual, string path)
    {
        var expectedLength = expected.GetArrayLength();
        var actualLength = actual.GetArrayLength();
        var shared = Math.Min(expectedLength, actualLength);
        for (var i = 0; i < shared; i++)
        {
            if (FindDifference(expected[i], actual[i], $"{path}[{i}]") is { } difference)
            {
                return difference;
            }
        }

        // The first item that only one side has.
        return expectedLength == actualLength ? null : $"{path}[{shared}]";
    }

    private static string AppendName(string path, string name)
    {
        var plain = name.Length > 0
            && (char.IsAsciiLetter(name[0]) || name[0] == '_')
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        return plain ? path + "." + name : path + "['" + name.Replace("'", "\\'", StringComparison.Ordinal) + "']";
    }

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
