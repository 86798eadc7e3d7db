using System;
using System.Globalization;
using System.Text.Json;

namespace Clerk.Models.Runtime.Serialization;

// Readers for string formats (date-time, date, uuid, byte) and for unix timestamps. A value that
// does not parse in its format is an error with the path: never a default or a silent change.
public static partial class JsonRead
{
    private const long MinUnixMilliseconds = -62_135_596_800_000;
    private const long MaxUnixMilliseconds = 253_402_300_799_999;

    /// <summary>Reads an RFC 3339 / ISO 8601 <c>date-time</c> string.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The instant with its offset.</returns>
    /// <exception cref="JsonException">The token is not a string, or not a date-time.</exception>
    public static DateTimeOffset DateTimeOffset(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw WrongToken(ref reader, "a date-time string");
        }

        return reader.TryGetDateTimeOffset(out var value) ? value : throw NotInFormat(ref reader, "a date-time");
    }

    /// <summary>Reads a <c>date-time</c> string or null.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The instant, or null for a JSON <c>null</c>.</returns>
    /// <exception cref="JsonException">The token is neither a date-time string nor null.</exception>
    public static DateTimeOffset? NullableDateTimeOffset(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : DateTimeOffset(ref reader);

    /// <summary>Reads a <c>uuid</c> string (<c>00000000-0000-0000-0000-000000000000</c>).</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="JsonException">The token is not a string, or not a uuid.</exception>
    public static Guid Guid(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw WrongToken(ref reader, "a uuid string");
        }

        return reader.TryGetGuid(out var value) ? value : throw NotInFormat(ref reader, "a uuid");
    }

    /// <summary>Reads a <c>uuid</c> string or null.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The identifier, or null for a JSON <c>null</c>.</returns>
    /// <exception cref="JsonException">The token is neither a uuid string nor null.</exception>
    public static Guid? NullableGuid(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : Guid(ref reader);

    /// <summary>Reads a base64 <c>byte</c> string.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The decoded bytes.</returns>
    /// <exception cref="JsonException">The token is not a string, or not valid base64.</exception>
    public static ValueList<byte> Bytes(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw WrongToken(ref reader, "a base64 string");
        }

        return reader.TryGetBytesFromBase64(out var value) ? new ValueList<byte>(value) : throw NotInFormat(ref reader, "base64");
    }

    /// <summary>Reads a base64 <c>byte</c> string or null.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The decoded bytes, or null for a JSON <c>null</c>.</returns>
    /// <exception cref="JsonException">The token is neither a base64 string nor null.</exception>
    public static ValueList<byte>? NullableBytes(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : Bytes(ref reader);

    /// <summary>Reads an integer count of milliseconds since 1970-01-01T00:00:00Z.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The instant, in UTC.</returns>
    /// <exception cref="JsonException">The token is not an integer, or outside the years 1 to 9999.</exception>
    public static DateTimeOffset UnixMilliseconds(ref Utf8JsonReader reader)
    {
        var milliseconds = Int64(ref reader);
        if (milliseconds < MinUnixMilliseconds || milliseconds > MaxUnixMilliseconds)
        {
            throw JsonReadError.InvalidValue("Expected unix milliseconds between the years 1 and 9999 but found " + milliseconds.ToString(CultureInfo.InvariantCulture) + ".");
        }

        return System.DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
    }

    /// <summary>Reads unix milliseconds or null.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The instant, or null for a JSON <c>null</c>.</returns>
    /// <exception cref="JsonException">The token is neither an integer in range nor null.</exception>
    public static DateTimeOffset? NullableUnixMilliseconds(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : UnixMilliseconds(ref reader);

    /// <summary>Reads an integer count of seconds since 1970-01-01T00:00:00Z.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The instant, in UTC.</returns>
    /// <exception cref="JsonException">The token is not an integer, or outside the years 1 to 9999.</exception>
    public static DateTimeOffset UnixSeconds(ref Utf8JsonReader reader)
    {
        var seconds = Int64(ref reader);
        if (seconds < MinUnixMilliseconds / 1000 || seconds > MaxUnixMilliseconds / 1000)
        {
            throw JsonReadError.InvalidValue("Expected unix seconds between the years 1 and 9999 but found " + seconds.ToString(CultureInfo.InvariantCulture) + ".");
        }

        return System.DateTimeOffset.FromUnixTimeSeconds(seconds);
    }

    /// <summary>Reads unix seconds or null.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The instant, or null for a JSON <c>null</c>.</returns>
    /// <exception cref="JsonException">The token is neither an integer in range nor null.</exception>
    public static DateTimeOffset? NullableUnixSeconds(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : UnixSeconds(ref reader);

#if NET6_0_OR_GREATER
    /// <summary>Reads a <c>date</c> string (<c>yyyy-MM-dd</c>).</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The date.</returns>
    /// <exception cref="JsonException">The token is not a string, or not a date.</exception>
    public static DateOnly DateOnly(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw WrongToken(ref reader, "a date string");
        }

        return System.DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : throw NotInFormat(ref reader, "a date (yyyy-MM-dd)");
    }

    /// <summary>Reads a <c>date</c> string or null.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The date, or null for a JSON <c>null</c>.</returns>
    /// <exception cref="JsonException">The token is neither a date string nor null.</exception>
    public static DateOnly? NullableDateOnly(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : DateOnly(ref reader);
#endif

    private static JsonException NotInFormat(ref Utf8JsonReader reader, string format)
    {
        var text = reader.GetString() ?? string.Empty;
        if (text.Length > MaxQuotedNumberLength)
        {
            text = text.Substring(0, MaxQuotedNumberLength) + "...";
        }

        return JsonReadError.InvalidValue("Expected " + format + " but found \"" + text + "\".");
    }
}
