using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clerk.Models.Runtime.Serialization;

/// <summary>
/// Reads and writes a JSON array as a <see cref="ValueList{T}"/> with a given element converter, so
/// that lists of generated types need no reflection (used by the generated type-info resolvers).
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ValueListJsonConverter<T> : JsonConverter<ValueList<T>>
{
    private readonly JsonConverter<T> _element;

    /// <summary>Creates the converter.</summary>
    /// <param name="element">The converter of one element.</param>
    public ValueListJsonConverter(JsonConverter<T> element) => _element = element ?? throw new ArgumentNullException(nameof(element));

    /// <inheritdoc/>
    public override ValueList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        JsonRead.Expect(ref reader, JsonTokenType.StartArray);
        var items = new ValueListBuilder<T>();
        try
        {
            while (true)
            {
                JsonRead.Next(ref reader);
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    return items.ToValueList();
                }

                items.Add(_element.Read(ref reader, typeof(T), options)!);
            }
        }
        catch (Exception ex) when (JsonReadError.IsReadFailure(ex))
        {
            throw JsonReadError.AtIndex(ex, items.Count);
        }
        finally
        {
            items.Dispose();
        }
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, ValueList<T> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var item in value)
        {
            _element.Write(writer, item, options);
        }

        writer.WriteEndArray();
    }

    internal void WriteElement(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => _element.Write(writer, value, options);
}

/// <summary>Reads and writes a JSON array as a <typeparamref name="T"/>[] with a given element converter.</summary>
/// <typeparam name="T">The element type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ArrayJsonConverter<T> : JsonConverter<T[]>
{
    private readonly ValueListJsonConverter<T> _list;

    /// <summary>Creates the converter.</summary>
    /// <param name="element">The converter of one element.</param>
    public ArrayJsonConverter(JsonConverter<T> element) => _list = new ValueListJsonConverter<T>(element);

    /// <inheritdoc/>
    public override T[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => _list.Read(ref reader, typeof(ValueList<T>), options).AsSpan().ToArray();

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T[] value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var item in value)
        {
            _list.WriteElement(writer, item, options);
        }

        writer.WriteEndArray();
    }
}
