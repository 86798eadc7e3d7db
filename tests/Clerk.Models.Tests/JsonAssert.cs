using System.Linq;
using System.Text.Json;
using Xunit.Sdk;

namespace Clerk.Models.Tests;

/// <summary>
/// Exact JSON equality: the same members (in any order, as JSON object equality has it), arrays in
/// the same order, strings equal after unescaping, and numbers with the very same text.
/// </summary>
public static class JsonAssert
{
    public static void Equal(string expected, string actual)
    {
        using var expectedDocument = JsonDocument.Parse(expected);
        using var actualDocument = JsonDocument.Parse(actual);
        var difference = FindDifference(expectedDocument.RootElement, actualDocument.RootElement, "$");
        if (difference is not null)
        {
            throw new XunitException("JSON differs at " + difference + "\nActual JSON:\n" + actual);
        }
    }

    private static string? FindDifference(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            return $"{path}: expected {expected.ValueKind} but found {actual.ValueKind}";
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedMembers = expected.EnumerateObject().ToList();
                var actualMembers = actual.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
                foreach (var member in expectedMembers)
                {
                    if (!actualMembers.Remove(member.Name, out var value))
                    {
                        return $"{path}: member '{member.Name}' is missing";
                    }

                    if (FindDifference(member.Value, value, path + "." + member.Name) is { } inner)
                    {
                        return inner;
                    }
                }

                return actualMembers.Count == 0 ? null : $"{path}: unexpected member '{actualMembers.Keys.First()}'";
            case JsonValueKind.Array:
                var expectedItems = expected.EnumerateArray().ToList();
                var actualItems = actual.EnumerateArray().ToList();
                if (expectedItems.Count != actualItems.Count)
                {
                    return $"{path}: expected {expectedItems.Count} items but found {actualItems.Count}";
                }

                for (var i = 0; i < expectedItems.Count; i++)
                {
                    if (FindDifference(expectedItems[i], actualItems[i], $"{path}[{i}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.String:
                return expected.GetString() == actual.GetString() ? null : $"{path}: expected \"{expected.GetString()}\" but found \"{actual.GetString()}\"";
            case JsonValueKind.Number:
                return expected.GetRawText() == actual.GetRawText() ? null : $"{path}: expected {expected.GetRawText()} but found {actual.GetRawText()}";
            default:
                return null;
        }
    }
}
