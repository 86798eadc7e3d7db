using System;
using System.ComponentModel;
using System.Text.Json;

namespace Clerk.Models.Runtime.Serialization;

/// <summary>
/// Looks ahead into a JSON object without consuming the caller's reader, so that a union
/// converter can pick the alternative before reading the value.
/// </summary>
/// <remarks>
/// The reader is taken by value: the probe advances its own copy and the caller's reader stays
/// where it was. Only the object's top-level members are examined; nested values are skipped.
/// The whole value must be buffered, which is always true inside a <see cref="System.Text.Json.Serialization.JsonConverter"/>
/// (otherwise the probe gives up and reports "not found"). Malformed JSON makes the probe throw the reader's <see cref="JsonException"/>.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonProbe
{
    /// <summary>Finds the string value of the first top-level member with the given name.</summary>
    /// <param name="reader">A copy of the reader, positioned on <see cref="JsonTokenType.StartObject"/>.</param>
    /// <param name="propertyName">The unescaped UTF-8 member name; escaped names in the JSON match too.</param>
    /// <returns>
    /// The unescaped string, or null when the reader is not on an object, the member is absent,
    /// or its value is not a string.
    /// </returns>
    public static string? FindString(Utf8JsonReader reader, ReadOnlySpan<byte> propertyName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        // A duplicated member counts with its last value, as it does when the object is read.
        string? found = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(propertyName);
            if (!reader.Read())
            {
                break;
            }

            if (match)
            {
                found = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            if (!reader.TrySkip())
            {
                break;
            }
        }

        return found;
    }

    /// <summary>
    /// Finds the string value of a top-level member, as UTF-8 bytes to compare without creating a
    /// string. A member written twice counts with its last value, as it does when the object is read.
    /// </summary>
    /// <param name="reader">A copy of the reader, positioned on <see cref="JsonTokenType.StartObject"/>.</param>
    /// <param name="propertyName">The unescaped UTF-8 member name; escaped names in the JSON match too.</param>
    /// <returns>
    /// The value; <see cref="ProbedString.HasValue"/> is false when the reader is not on an object, the
    /// member is absent, or its value is not a string.
    /// </returns>
    public static ProbedString FindUtf8String(Utf8JsonReader reader, ReadOnlySpan<byte> propertyName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return default;
        }

        ProbedString found = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(propertyName);
            if (!reader.Read())
            {
                break;
            }

            if (match)
            {
                found = reader.TokenType != JsonTokenType.String
                    ? default
                    : new ProbedString(reader.HasValueSequence || reader.ValueIsEscaped ? JsonRead.GetUnescapedUtf8(ref reader) : reader.ValueSpan);
            }

            if (!reader.TrySkip())
            {
                break;
            }
        }

        return found;
    }

    /// <summary>Determines whether the object has a top-level member with the given name.</summary>
    /// <param name="reader">A copy of the reader, positioned on <see cref="JsonTokenType.StartObject"/>.</param>
    /// <param name="propertyName">The unescaped UTF-8 member name; escaped names in the JSON match too.</param>
    /// <returns><see langword="true"/> when the member is present, whatever its value (including <c>null</c>).</returns>
    public static bool HasMember(Utf8JsonReader reader, ReadOnlySpan<byte> propertyName) =>
        MoveToMemberValue(ref reader, propertyName);

    private static bool MoveToMemberValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> propertyName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.EndObject:
                    return false;
                case JsonTokenType.PropertyName:
                    bool match = reader.ValueTextEquals(propertyName);
                    if (!ReadValue(ref reader))
                    {
                        return false;
                    }

                    if (match)
                    {
                        return true;
                    }

                    if (!reader.TrySkip())
                    {
                        return false;
                    }

                    break;
                default:
                    // Comments, when the reader allows them.
                    break;
            }
        }

        return false;
    }

    private static bool ReadValue(ref Utf8JsonReader reader)
    {
        // Comments may sit between a name and its value when the reader allows them.
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.Comment)
            {
                return true;
            }
        }

        return false;
    }
}
