using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Clerk.Models.Testing;

namespace Clerk.Models.Benchmarks;

/// <summary>
/// The checks every candidate passes before it is timed: exact (<see cref="ExactJson"/>) for the
/// generated code and the floor, exact within the mirror's known limits for the mirrors.
/// </summary>
internal static class JsonEquality
{
    public static void AssertExact(byte[] expected, byte[] actual, string candidate)
    {
        if (ExactJson.FindDifference(expected, actual) is { } difference)
        {
            throw new InvalidOperationException($"{candidate} is not exact: JSON differs at {difference}");
        }
    }

    /// <summary>
    /// Compares a mirror candidate on what the mirror can represent: members its classes do not
    /// declare are expected to be dropped, and a null member may be omitted (the mirror cannot tell
    /// null from absent). Everything else must be exact.
    /// </summary>
    public static MirrorLoss AssertRepresentable(byte[] expected, byte[] actual, Type mirrorType, string candidate)
    {
        using var expectedDocument = JsonDocument.Parse(expected);
        using var actualDocument = JsonDocument.Parse(actual);
        var loss = new MirrorLoss();
        if (Representable(expectedDocument.RootElement, actualDocument.RootElement, mirrorType, "$", loss) is { } difference)
        {
            throw new InvalidOperationException($"{candidate} loses more than the mirror's known limits: JSON differs at {difference}");
        }

        return loss;
    }

    private static string? Representable(JsonElement expected, JsonElement actual, Type type, string path, MirrorLoss loss)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            return expected.ValueKind != JsonValueKind.Array || actual.ValueKind != JsonValueKind.Array
                ? ExactJson.FindDifference(expected, actual, path)
                : ExactJson.FindItemDifference(expected, actual, path, (e, a, p) => Representable(e, a, type.GetGenericArguments()[0], p, loss));
        }

        var known = KnownMembers(type);
        if (known is null || expected.ValueKind != JsonValueKind.Object || actual.ValueKind != JsonValueKind.Object)
        {
            return ExactJson.FindDifference(expected, actual, path);
        }

        // By name, last one kept, as the mirrors read: a mirror class holds one value per name.
        var actualMembers = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var member in actual.EnumerateObject())
        {
            actualMembers[member.Name] = member.Value;
        }

        foreach (var member in expected.EnumerateObject())
        {
            if (!known.TryGetValue(member.Name, out var memberType))
            {
                loss.UnknownMembers.Add(member.Name);
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

            if (Representable(member.Value, value, memberType, ExactJson.MemberPath(path, member.Name), loss) is { } inner)
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
    /// <summary>The name of each member dropped, once for every time it was.</summary>
    public List<string> UnknownMembers { get; } = new();

    public int NullMembersOmitted { get; set; }

    public int NullMembersAdded { get; set; }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append($"{UnknownMembers.Count} unknown members dropped");
        if (UnknownMembers.Count > 0)
        {
            text.Append(" (").Append(string.Join(", ", UnknownMembers.Distinct())).Append(')');
        }

        return text.Append($", {NullMembersOmitted} null members omitted, {NullMembersAdded} null members added").ToString();
    }
}
