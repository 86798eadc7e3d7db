using System;
using System.Buffers;
using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Clerk.Models.Runtime.Serialization;

/// <summary>
/// Reads primitive values for generated converters, throwing <see cref="JsonReadError"/> exceptions
/// that name what was expected and what was found. Not meant to be called from other code.
/// </summary>
/// <remarks>
/// Every method takes a reader positioned on the value's token. Non-nullable readers reject a JSON
/// <c>null</c> with <see cref="JsonReadError.NullNotAllowed"/>; nullable ones return null for it.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class JsonRead
{
    private const int MaxQuotedNumberLength = 64;

    /// <summary>Determines whether the reader is on a JSON <c>null</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns><see langword="true"/> for a <see cref="JsonTokenType.Null"/> token.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null;

    /// <summary>Checks the current token type, e.g. <see cref="JsonTokenType.StartObject"/> before reading members.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="tokenType">The required token type.</param>
    /// <exception cref="JsonException">The token differs (a JSON <c>null</c> gives the "Null is not allowed" error).</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Expect(ref Utf8JsonReader reader, JsonTokenType tokenType)
    {
        if (reader.TokenType != tokenType)
        {
            throw WrongToken(ref reader, Describe(tokenType));
        }
    }

    /// <summary>Advances to the next token, failing when the reader runs out of data.</summary>
    /// <param name="reader">The reader.</param>
    /// <exception cref="JsonException">
    /// There is no next token: the reader was not given the whole value (inside a converter the
    /// value is always fully buffered, so this means the caller's reader is misused), or the JSON is malformed.
    /// </exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw OutOfData();
        }
    }

    /// <summary>Reads a string.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The unescaped string.</returns>
    /// <exception cref="JsonException">The token is not a string.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static string String(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString()!;
        }

        throw WrongToken(ref reader, "a string");
    }

    /// <summary>Reads a string or null.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The unescaped string, or null for a JSON <c>null</c>.</returns>
    /// <exception cref="JsonException">The token is neither a string nor null.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static string? NullableString(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : String(ref reader);

    /// <summary>Reads a boolean.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The token is not <c>true</c> or <c>false</c>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Boolean(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            default:
                throw WrongToken(ref reader, "a boolean");
        }
    }

    /// <summary>Reads a boolean or null.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value, or null for a JSON <c>null</c>.</returns>
    /// <exception cref="JsonException">The token is neither a boolean nor null.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool? NullableBoolean(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : Boolean(ref reader);

    /// <summary>Reads an integer that fits in <see cref="long"/>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The token is not a number, or the number has a fraction or exponent or is out of range.</exception>
    public static long Int64(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetInt64(out long value))
            {
                return value;
            }

            throw DoesNotFit(ref reader, "an integer", "Int64");
        }

        throw WrongToken(ref reader, "a number");
    }

    /// <summary>Reads an integer that fits in <see cref="long"/>, or null.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value, or null for a JSON <c>null</c>.</returns>
    /// <exception cref="JsonException">See <see cref="Int64"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long? NullableInt64(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : Int64(ref reader);

    /// <summary>Reads an integer that fits in <see cref="int"/>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The token is not a number, or the number has a fraction or exponent or is out of range.</exception>
    public static int Int32(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetInt32(out int value))
            {
                return value;
            }

            throw DoesNotFit(ref reader, "an integer", "Int32");
        }

        throw WrongToken(ref reader, "a number");
    }

    /// <summary>Reads an integer that fits in <see cref="int"/>, or null.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value, or null for a JSON <c>null</c>.</returns>
    /// <exception cref="JsonException">See <see cref="Int32"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int? NullableInt32(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : Int32(ref reader);

    /// <summary>Reads a finite <see cref="double"/>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The token is not a number, or the number overflows to infinity.</exception>
    public static double Double(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            // Out-of-range text parses to infinity on newer runtimes, which JSON cannot round-trip.
            if (reader.TryGetDouble(out double value) && !double.IsInfinity(value))
            {
                return value;
            }

            throw DoesNotFit(ref reader, "a number", "Double");
        }

        throw WrongToken(ref reader, "a number");
    }

    /// <summary>Reads a finite <see cref="double"/>, or null.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value, or null for a JSON <c>null</c>.</returns>
    /// <exception cref="JsonException">See <see cref="Double"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double? NullableDouble(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : Double(ref reader);

    /// <summary>Reads a finite <see cref="float"/>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The token is not a number, or the number overflows to infinity.</exception>
    public static float Single(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetSingle(out float value) && !float.IsInfinity(value))
            {
                return value;
            }

            throw DoesNotFit(ref reader, "a number", "Single");
        }

        throw WrongToken(ref reader, "a number");
    }

    /// <summary>Reads a finite <see cref="float"/>, or null.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value, or null for a JSON <c>null</c>.</returns>
    /// <exception cref="JsonException">See <see cref="Single"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float? NullableSingle(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : Single(ref reader);

    /// <summary>Reads a <see cref="decimal"/>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The token is not a number, or the number is out of <see cref="decimal"/> range.</exception>
    public static decimal Decimal(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetDecimal(out decimal value))
            {
                return value;
            }

            throw DoesNotFit(ref reader, "a number", "Decimal");
        }

        throw WrongToken(ref reader, "a number");
    }

    /// <summary>Reads a <see cref="decimal"/>, or null.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value, or null for a JSON <c>null</c>.</returns>
    /// <exception cref="JsonException">See <see cref="Decimal"/>.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static decimal? NullableDecimal(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : Decimal(ref reader);

    /// <summary>
    /// Returns the unescaped UTF-8 bytes of a property name or string token. Meant for the rare
    /// case where <see cref="Utf8JsonReader.ValueIsEscaped"/> or <see cref="Utf8JsonReader.HasValueSequence"/>
    /// is true; otherwise <see cref="Utf8JsonReader.ValueSpan"/> can be used directly.
    /// </summary>
    /// <param name="reader">The reader, on a <see cref="JsonTokenType.PropertyName"/> or <see cref="JsonTokenType.String"/> token.</param>
    /// <returns>A new array holding the unescaped bytes.</returns>
    /// <exception cref="JsonException">The token is neither a property name nor a string.</exception>
    /// <exception cref="InvalidOperationException">The text contains an escape that does not form valid UTF-16.</exception>
    public static byte[] GetUnescapedUtf8(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.PropertyName && reader.TokenType != JsonTokenType.String)
        {
            throw JsonReadError.UnexpectedToken(ref reader, "a property name or string");
        }

        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            return reader.ValueSpan.ToArray();
        }

        // Unescaping never makes the text longer, so the raw length is enough.
        int maxLength = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        byte[] rented = ArrayPool<byte>.Shared.Rent(maxLength);
        try
        {
            int written = reader.CopyString(rented);
            return rented.AsSpan(0, written).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static JsonException OutOfData() =>
        JsonReadError.InvalidValue("The JSON value is incomplete: the reader ran out of data.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static JsonException WrongToken(ref Utf8JsonReader reader, string expected) =>
        reader.TokenType == JsonTokenType.Null
            ? JsonReadError.NullNotAllowed()
            : JsonReadError.UnexpectedToken(ref reader, expected);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static JsonException DoesNotFit(ref Utf8JsonReader reader, string what, string typeName)
    {
        byte[] raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray();
        string text = Encoding.UTF8.GetString(raw);
        if (text.Length > MaxQuotedNumberLength)
        {
            text = text.Substring(0, MaxQuotedNumberLength) + "... (" + text.Length.ToString(CultureInfo.InvariantCulture) + " characters)";
        }

        return JsonReadError.InvalidValue("Expected " + what + " that fits in " + typeName + " but found " + text + ".");
    }

    private static string Describe(JsonTokenType tokenType) => tokenType switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.EndObject => "the end of an object",
        JsonTokenType.EndArray => "the end of an array",
        JsonTokenType.PropertyName => "a property name",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        _ => tokenType.ToString(),
    };
}
