using System;
using System.Text.Json;

namespace Clerk.Models.Runtime.Serialization;

// Arrays and maps of any item type, read through the item's converter struct: one generic reader
// instead of a pair of helper methods in every generated converter.
public static partial class JsonRead
{
    /// <summary>Reads a JSON array; an error in an item carries its index in the path.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <typeparam name="TConverter">The converter of one item.</typeparam>
    /// <param name="reader">The reader, on <see cref="JsonTokenType.StartArray"/>; left on the matching <see cref="JsonTokenType.EndArray"/>.</param>
    /// <param name="options">The serializer options, passed to the item converter.</param>
    /// <returns>The list; <see cref="ValueList{T}.Empty"/> for <c>[]</c>.</returns>
    /// <exception cref="JsonException">The token is not an array, or an item cannot be read.</exception>
    public static ValueList<T> List<T, TConverter>(ref Utf8JsonReader reader, JsonSerializerOptions options)
        where TConverter : struct, IJsonValueConverter<T>
    {
        Expect(ref reader, JsonTokenType.StartArray);
        var items = new ValueListBuilder<T>();
        try
        {
            while (true)
            {
                Next(ref reader);
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    return items.ToValueList();
                }

                items.Add(default(TConverter).Read(ref reader, options));
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

    /// <summary>Reads a JSON object used as a dictionary; an error in a value carries its key in the path.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <typeparam name="TConverter">The converter of one value.</typeparam>
    /// <param name="reader">The reader, on <see cref="JsonTokenType.StartObject"/>; left on the matching <see cref="JsonTokenType.EndObject"/>.</param>
    /// <param name="options">The serializer options, passed to the value converter.</param>
    /// <returns>The map, in the order of the object; for a repeated key the last value wins.</returns>
    /// <exception cref="JsonException">The token is not an object, or a value cannot be read.</exception>
    public static ValueMap<T> Map<T, TConverter>(ref Utf8JsonReader reader, JsonSerializerOptions options)
        where TConverter : struct, IJsonValueConverter<T>
    {
        Expect(ref reader, JsonTokenType.StartObject);
        var entries = new ValueMapBuilder<T>();
        string? key = null;
        try
        {
            while (true)
            {
                Next(ref reader);
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    return entries.ToValueMap();
                }

                key = reader.GetString()!;
                Next(ref reader);
                entries.Add(key, default(TConverter).Read(ref reader, options));
                key = null;
            }
        }
        catch (Exception ex) when (key is not null && JsonReadError.IsReadFailure(ex))
        {
            throw JsonReadError.AtProperty(ex, key);
        }
        finally
        {
            entries.Dispose();
        }
    }
}
