using System;
using System.ComponentModel;
using System.Text.Json;

namespace Clerk.Models.Runtime.Serialization;

/// <summary>
/// Writes string formats and unix timestamps for generated converters: the inverses of the
/// <see cref="JsonRead"/> format readers. Not meant to be called from other code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class JsonWrite
{
    /// <summary>
    /// Writes a <c>date-time</c> in ISO 8601 round-trip form: <c>Z</c> for UTC, <c>+hh:mm</c> otherwise,
    /// with as many fraction digits as the value needs.
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The instant.</param>
    public static void DateTimeOffset(Utf8JsonWriter writer, DateTimeOffset value)
    {
        if (value.Offset == TimeSpan.Zero)
        {
            // A UTC DateTime is written with "Z", the form servers send, rather than "+00:00".
            writer.WriteStringValue(value.UtcDateTime);
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    /// <summary>Writes a <c>uuid</c> in its 36-character lower-case form.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The identifier.</param>
    public static void Guid(Utf8JsonWriter writer, Guid value) => writer.WriteStringValue(value);

    /// <summary>Writes bytes as a base64 string.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The bytes.</param>
    public static void Bytes(Utf8JsonWriter writer, ValueList<byte> value) => writer.WriteBase64StringValue(value.AsSpan());

    /// <summary>Writes an instant as unix milliseconds, the exact integer it was read from.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The instant.</param>
    public static void UnixMilliseconds(Utf8JsonWriter writer, DateTimeOffset value) => writer.WriteNumberValue(value.ToUnixTimeMilliseconds());

    /// <summary>Writes an instant as unix seconds.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The instant.</param>
    public static void UnixSeconds(Utf8JsonWriter writer, DateTimeOffset value) => writer.WriteNumberValue(value.ToUnixTimeSeconds());

#if NET6_0_OR_GREATER
    /// <summary>Writes a <c>date</c> as <c>yyyy-MM-dd</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The date.</param>
    public static void DateOnly(Utf8JsonWriter writer, DateOnly value) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
#endif
}
