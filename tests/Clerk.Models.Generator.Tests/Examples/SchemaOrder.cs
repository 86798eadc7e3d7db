using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Clerk.Models.Generator.Model;
using Clerk.Models.Testing;

namespace Clerk.Models.Generator.Tests.Examples;

/// <summary>
/// An example as the generated writer must write it back. A record writes its known members in the
/// schema's order (<c>properties</c>, <c>allOf</c> parts flattened in order), then the members the
/// schema does not describe in the order they were read; so where an example lists a record's
/// members in another order, that object's members are put in that order here, and only there.
/// Everything else keeps the example's order: free-form JSON, maps, unknown members' values and
/// union values that fit no alternative, which the models keep as they were read.
/// </summary>
/// <param name="caseOf">The case of union <c>Name</c> that a JSON value reads into; null when it is the union's unknown case.</param>
internal sealed class SchemaOrder(IReadOnlyDictionary<string, TypeModel> types, Func<string, string, UnionCaseModel?> caseOf)
{
    /// <returns>The example in the writer's order, and the paths of the objects whose members were put in schema order.</returns>
    public (string Json, IReadOnlyList<string> ReorderedAt) Apply(string json, TypeRef type)
    {
        using var document = JsonDocument.Parse(json);
        var reordered = new List<string>();
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, document.RootElement, type, "$", reordered);
        }

        return (Encoding.UTF8.GetString(stream.ToArray()), reordered);
    }

    private void Write(Utf8JsonWriter writer, JsonElement value, TypeRef? type, string path, List<string> reordered)
    {
        switch (type?.Kind)
        {
            case TypeKind.Record when value.ValueKind == JsonValueKind.Object && types[type.Name!] is RecordModel record:
                WriteRecord(writer, value, record, path, reordered);
                break;
            case TypeKind.Union when value.ValueKind != JsonValueKind.Null:
                Write(writer, value, caseOf(value.GetRawText(), type.Name!)?.Type, path, reordered);
                break;
            case TypeKind.Array when value.ValueKind == JsonValueKind.Array:
                writer.WriteStartArray();
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Write(writer, item, type.Item, path + "[" + index++ + "]", reordered);
                }

                writer.WriteEndArray();
                break;
            case TypeKind.Map when value.ValueKind == JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var member in value.EnumerateObject())
                {
                    writer.WritePropertyName(member.Name);
                    Write(writer, member.Value, type.Item, ExactJson.MemberPath(path, member.Name), reordered);
                }

                writer.WriteEndObject();
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }

    private void WriteRecord(Utf8JsonWriter writer, JsonElement value, RecordModel record, string path, List<string> reordered)
    {
        var members = value.EnumerateObject().ToList();
        var known = record.Properties
            .Select(p => (Property: p, Index: members.FindIndex(m => m.Name == p.JsonName)))
            .Where(k => k.Index >= 0)
            .ToList();
        var order = known.Select(k => k.Index).Concat(Enumerable.Range(0, members.Count).Except(known.Select(k => k.Index))).ToList();
        if (!order.SequenceEqual(Enumerable.Range(0, members.Count)))
        {
            reordered.Add(path);
        }

        writer.WriteStartObject();
        foreach (var index in order)
        {
            var member = members[index];
            writer.WritePropertyName(member.Name);
            var property = known.FirstOrDefault(k => k.Index == index).Property;
            Write(writer, member.Value, property?.Type, ExactJson.MemberPath(path, member.Name), reordered);
        }

        writer.WriteEndObject();
    }
}
