using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clerk.Models.Benchmarks;

/// <summary>
/// The checks every candidate passes before it is timed. Exact means: the same members (in any
/// order), arrays in the same order, strings equal after unescaping, numbers with the very same text.
/// </summary>
internal static class JsonEquality
{
    public static void AssertExact(byte[] expected, ReadOnlySpan<byte> actual, string candidate)
    {
        using var expectedDocument = JsonDocument.Parse(expected);
        using var actualDocument = JsonDocument.Parse(actual.ToArray());
        if (Exact(expectedDocument.RootElement, actualDocument.RootElement, "$") is { } difference)
        {
            throw new InvalidOperationException($"{candidate} is not exact: JSON differs at {difference}");
        }
    }

    /// <summary>
    /// Compares a mirror candidate on what the mirror can represent: members its classes do not
    /// declare are expected to be dropped, and a null member may be omitted (the mirror cannot tell
    /// null from absent). Everything else must be exact.
    /// </summary>
    public static MirrorLoss AssertRepresentable(byte[] expected, ReadOnlySpan<byte> actual, Type mirrorType, string candidate)
    {
        using var expectedDocument = JsonDocument.Parse(expected);
        using var actualDocument = JsonDocument.Parse(actual.ToArray());
        var loss = new MirrorLoss();
        if (Representable(expectedDocument.RootElement, actualDocument.RootElement, mirrorType, "$", loss) is { } difference)
        {
            throw new InvalidOperationException($"{candidate} loses more than the mirror's known limits: JSON differs at {difference}");
        }

        return loss;
    }

    private static string? Exact(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            return $"{path}: expected {expected.ValueKind} but found {actual.ValueKind}";
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var actualMembers = Members(actual);
                foreach (var member in expected.EnumerateObject())
                {
                    if (!actualMembers.Remove(member.Name, out var value))
                    {
                        return $"{path}: member '{member.Name}' is missing";
                    }

                    if (Exact(member.Value, value, path + "." + member.Name) is { } inner)
                    {
                        return inner;
                    }
                }

                return actualMembers.Count == 0 ? null : $"{path}: unexpected member '{actualMembers.Keys.First()}'";
            case JsonValueKind.Array:
                return Items(expected, actual, path, (e, a, p) => Exact(e, a, p));
            case JsonValueKind.String:
                return expected.GetString() == actual.GetString() ? null : $"{path}: expected \"{expected.GetString()}\" but found \"{actual.GetString()}\"";
            case JsonValueKind.Number:
                return expected.GetRawText() == actual.GetRawText() ? null : $"{path}: expected {expected.GetRawText()} but found {actual.GetRawText()}";
            default:
                return null;
        }
    }

    private static string? Representable(JsonElement expected, JsonElement actual, Type type, string path, MirrorLoss loss)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            return expected.ValueKind != JsonValueKind.Array || actual.ValueKind != JsonValueKind.Array
                ? Exact(expected, actual, path)
                : Items(expected, actual, path, (e, a, p) => Representable(e, a, type.GetGenericArguments()[0], p, loss));
        }

        var known = KnownMembers(type);
        if (known is null || expected.ValueKind != JsonValueKind.Object || actual.ValueKind != JsonValueKind.Object)
        {
            return Exact(expected, actual, path);
        }

        var actualMembers = Members(actual);
        foreach (var member in expected.EnumerateObject())
        {
            var memberPath = path + "." + member.Name;
            if (!known.TryGetValue(member.Name, out var memberType))
            {
                loss.UnknownMembers.Add(memberPath);
                continue;
            }

            var found = actualMembers.Remove(member.Name, out var value);
            if (member.Value.ValueKind == JsonValueKind.Null && (!found || value.ValueKind == JsonValueKind.Null))
            {
                loss.NullMembersOmitted += found ? 0 : 1;
                continue;
            }

            if (!found)
            {
                return $"{path}: member '{member.Name}' is missing";
            }

            if (Representable(member.Value, value, memberType, memberPath, loss) is { } inner)
            {
                return inner;
            }
        }

        foreach (var (name, value) in actualMembers)
        {
            if (value.ValueKind != JsonValueKind.Null)
            {
                return $"{path}: unexpected member '{name}'";
            }

            loss.NullMembersAdded++;
        }

        return null;
    }

    private static string? Items(JsonElement expected, JsonElement actual, string path, Func<JsonElement, JsonElement, string, string?> compare)
    {
        var expectedItems = expected.EnumerateArray().ToList();
        var actualItems = actual.EnumerateArray().ToList();
        if (expectedItems.Count != actualItems.Count)
        {
            return $"{path}: expected {expectedItems.Count} items but found {actualItems.Count}";
        }

        for (var i = 0; i < expectedItems.Count; i++)
        {
            if (compare(expectedItems[i], actualItems[i], $"{path}[{i}]") is { } inner)
            {
                return inner;
            }
        }

        return null;
    }

    private static Dictionary<string, JsonElement> Members(JsonElement element)
    {
        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var member in element.EnumerateObject())
        {
            members[member.Name] = member.Value;
        }

        return members;
    }

    /// <summary>A mirror class's JSON names and property types; null for anything that is not a mirror class.</summary>
    private static Dictionary<string, Type>? KnownMembers(Type type)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Name: p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name, p.PropertyType))
            .Where(p => p.Name is not null)
            .ToList();
        return properties.Count == 0 ? null : properties.ToDictionary(p => p.Name!, p => p.PropertyType, StringComparer.Ordinal);
    }
}

/// <summary>What a mirror candidate could not carry through, for the record in docs/performance.md.</summary>
internal sealed class MirrorLoss
{
    public List<string> UnknownMembers { get; } = new();

    public int NullMembersOmitted { get; set; }

    public int NullMembersAdded { get; set; }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append($"{UnknownMembers.Count} unknown members dropped");
        if (UnknownMembers.Count > 0)
        {
            text.Append(" (").Append(string.Join(", ", UnknownMembers.Select(p => p[(p.LastIndexOf('.') + 1)..]).Distinct())).Append(')');
        }

        return text.Append($", {NullMembersOmitted} null members omitted, {NullMembersAdded} null members added").ToString();
    }
}
