using System.Text.Json;

namespace Clerk.Models.Runtime.Serialization;

// A whole member (its name, then its value or null) in one call, so that a generated writer spends one
// line on each member; and arrays and maps of any item type.
public static partial class JsonWrite
{
    /// <summary>Writes a member whose value is a reference: its converter's output, or <c>null</c>.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <typeparam name="TConverter">The converter of a value that is not null.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value, or null.</param>
    /// <param name="options">The serializer options, passed to the converter.</param>
    public static void Member<T, TConverter>(Utf8JsonWriter writer, JsonEncodedText name, T? value, JsonSerializerOptions options)
        where T : class
        where TConverter : struct, IJsonValueConverter<T>
    {
        writer.WritePropertyName(name);
        if (value is not null)
        {
            default(TConverter).Write(writer, value, options);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>Writes a member whose value is a struct: its converter's output, or <c>null</c>.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <typeparam name="TConverter">The converter of a value that is not null.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value, or null.</param>
    /// <param name="options">The serializer options, passed to the converter.</param>
    public static void StructMember<T, TConverter>(Utf8JsonWriter writer, JsonEncodedText name, T? value, JsonSerializerOptions options)
        where T : struct
        where TConverter : struct, IJsonValueConverter<T>
    {
        writer.WritePropertyName(name);
        if (value.HasValue)
        {
            default(TConverter).Write(writer, value.GetValueOrDefault(), options);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>Writes a boolean member, or <c>null</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value, or null.</param>
    public static void Boolean(Utf8JsonWriter writer, JsonEncodedText name, bool? value)
    {
        if (value.HasValue)
        {
            writer.WriteBoolean(name, value.GetValueOrDefault());
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes an integer member, or <c>null</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value, or null.</param>
    public static void Number(Utf8JsonWriter writer, JsonEncodedText name, long? value)
    {
        if (value.HasValue)
        {
            writer.WriteNumber(name, value.GetValueOrDefault());
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes an integer member, or <c>null</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value, or null.</param>
    public static void Number(Utf8JsonWriter writer, JsonEncodedText name, int? value)
    {
        if (value.HasValue)
        {
            writer.WriteNumber(name, value.GetValueOrDefault());
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes a number member, or <c>null</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value, or null.</param>
    public static void Number(Utf8JsonWriter writer, JsonEncodedText name, double? value)
    {
        if (value.HasValue)
        {
            writer.WriteNumber(name, value.GetValueOrDefault());
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes a number member, or <c>null</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value, or null.</param>
    public static void Number(Utf8JsonWriter writer, JsonEncodedText name, float? value)
    {
        if (value.HasValue)
        {
            writer.WriteNumber(name, value.GetValueOrDefault());
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Writes a number member, or <c>null</c>; the scale is kept (<c>19.90</c>).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The member's encoded name.</param>
    /// <param name="value">The value, or null.</param>
    public static void Number(Utf8JsonWriter writer, JsonEncodedText name, decimal? value)
    {
        if (value.HasValue)
        {
            writer.WriteNumber(name, value.GetValueOrDefault());
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>
    /// Writes the members a record was read with that its spec does not declare, after its own; a
    /// name the record declares is skipped, since its property is written instead.
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="members">The unknown members, or null.</param>
    /// <param name="declared">The record's member names.</param>
    public static void UnknownMembers(Utf8JsonWriter writer, ValueMap<RawJson>? members, JsonMemberNames declared)
    {
        if (members is null)
        {
            return;
        }

        foreach (var member in members)
        {
            if (!declared.Contains(member.Key))
            {
                writer.WritePropertyName(member.Key);
                member.Value.WriteTo(writer);
            }
        }
    }

    /// <summary>Writes a JSON array.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <typeparam name="TConverter">The converter of one item.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The items.</param>
    /// <param name="options">The serializer options, passed to the item converter.</param>
    public static void List<T, TConverter>(Utf8JsonWriter writer, ValueList<T> value, JsonSerializerOptions options)
        where TConverter : struct, IJsonValueConverter<T>
    {
        writer.WriteStartArray();
        foreach (var item in value.AsSpan())
        {
            default(TConverter).Write(writer, item, options);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a JSON object used as a dictionary, in the map's order.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <typeparam name="TConverter">The converter of one value.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The entries.</param>
    /// <param name="options">The serializer options, passed to the value converter.</param>
    public static void Map<T, TConverter>(Utf8JsonWriter writer, ValueMap<T> value, JsonSerializerOptions options)
        where TConverter : struct, IJsonValueConverter<T>
    {
        writer.WriteStartObject();
        foreach (var entry in value)
        {
            writer.WritePropertyName(entry.Key);
            default(TConverter).Write(writer, entry.Value, options);
        }

        writer.WriteEndObject();
    }
}
