using System.Linq;
using System.Text.Json;
using Clerk.Models.Testing;

namespace Clerk.Models.Generator.Tests.Examples;

/// <summary>
/// The order of members, which <see cref="ExactJson"/> leaves out: an example written back must list
/// its members in the order <see cref="SchemaOrder"/> gives. Asked only of two values
/// <see cref="ExactJson"/> found equal, so their arrays have the same lengths.
/// </summary>
internal static class MemberOrder
{
    /// <returns>The first object whose members come in another order, with both orders; null when every object keeps its order.</returns>
    public static string? FindDifference(string expected, string actual)
    {
        using var expectedDocument = JsonDocument.Parse(expected);
        using var actualDocument = JsonDocument.Parse(actual);
        return FindDifference(expectedDocument.RootElement, actualDocument.RootElement, "$");
    }

    private static string? FindDifference(JsonElement expected, JsonElement actual, string path)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedMembers = expected.EnumerateObject().ToList();
                var actualMembers = actual.EnumerateObject().ToList();
                if (!expectedMembers.Select(m => m.Name).SequenceEqual(actualMembers.Select(m => m.Name)))
                {
                    return $"{path}: members in the order [{string.Join(", ", actualMembers.Select(m => m.Name))}], "
                        + $"where the example has [{string.Join(", ", expectedMembers.Select(m => m.Name))}]";
                }

                for (var i = 0; i < expectedMembers.Count; i++)
                {
                    if (FindDifference(expectedMembers[i].Value, actualMembers[i].Value, ExactJson.MemberPath(path, expectedMembers[i].Name)) is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            case JsonValueKind.Array:
                for (var i = 0; i < expected.GetArrayLength(); i++)
                {
                    if (FindDifference(expected[i], actual[i], $"{path}[{i}]") is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
