using System;
using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Clerk.Models.Runtime.Serialization;

namespace Clerk.Models.Runtime;

/// <summary>
/// The exact text of one JSON value, kept as compact UTF-8 so that free-form members and
/// unknown members round-trip unchanged.
/// </summary>
/// <remarks>
/// <para>
/// The text is the input with insignificant whitespace (and any comments) removed. Strings and
/// property names keep their original escaping and numbers keep their original spelling, so
/// <c>"caf\u00e9"</c> stays escaped and <c>1.0e+10</c> is not rewritten as <c>10000000000</c>.
/// </para>
/// <para>
/// Equality compares this compact text byte by byte: two values read from the same JSON text
/// are equal, but objects with the same members in a different order, or strings escaped
/// differently, are not.
/// </para>
/// <para>A JSON <c>null</c> is represented by <see cref="Null"/>, never by a null reference.</para>
/// </remarks>
[JsonConverter(typeof(RawJsonConverter))]
public sealed class RawJson : IEquatable<RawJson>
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private const int InitialBufferSize = 256;

    private static readonly RawJson s_true = new RawJson(new[] { (byte)'t', (byte)'r', (byte)'u', (byte)'e' });
    private static readonly RawJson s_false = new RawJson(new[] { (byte)'f', (byte)'a', (byte)'l', (byte)'s', (byte)'e' });

    private readonly byte[] _utf8;
    private int _hashCode;

    private RawJson(byte[] utf8) => _utf8 = utf8;

    /// <summary>Gets the JSON <c>null</c> literal.</summary>
    public static RawJson Null { get; } = new RawJson(new[] { (byte)'n', (byte)'u', (byte)'l', (byte)'l' });

    /// <summary>Gets the compact UTF-8 JSON text.</summary>
    public ReadOnlyMemory<byte> Utf8Json => _utf8;

    /// <summary>Gets the kind of the value, determined from its first byte.</summary>
    public JsonValueKind ValueKind => _utf8[0] switch
    {
        (byte)'{' => JsonValueKind.Object,
        (byte)'[' => JsonValueKind.Array,
        (byte)'"' => JsonValueKind.String,
        (byte)'t' => JsonValueKind.True,
        (byte)'f' => JsonValueKind.False,
        (byte)'n' => JsonValueKind.Null,
        _ => JsonValueKind.Number,
    };

    /// <summary>Compares the compact text of two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when both are null or their texts are identical.</returns>
    public static bool operator ==(RawJson? left, RawJson? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares the compact text of two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when the texts differ.</returns>
    public static bool operator !=(RawJson? left, RawJson? right) => !(left == right);

    /// <summary>
    /// Copies the value the reader is positioned on, without building a document and without
    /// recursion, and leaves the reader on the value's last token.
    /// </summary>
    /// <param name="reader">
    /// A reader positioned on the first token of a value (<see cref="JsonTokenType.StartObject"/>,
    /// <see cref="JsonTokenType.StartArray"/> or a primitive). The reader's own
    /// <see cref="JsonReaderOptions.MaxDepth"/> limits nesting.
    /// </param>
    /// <returns>The value; <see cref="Null"/> for a JSON <c>null</c>.</returns>
    /// <exception cref="JsonException">
    /// The reader is not on the start of a value, the JSON is invalid, or the reader runs out of
    /// data (it was not given the whole value).
    /// </exception>
    public static RawJson Read(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                return ReadContainer(ref reader);
            case JsonTokenType.String:
                return new RawJson(CopyQuoted(ref reader));
            case JsonTokenType.Number:
                return new RawJson(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray());
            case JsonTokenType.True:
                return s_true;
            case JsonTokenType.False:
                return s_false;
            case JsonTokenType.Null:
                return Null;
            default:
                throw JsonReadError.UnexpectedToken(ref reader, "a JSON value");
        }
    }

    /// <summary>Parses and validates JSON text and normalizes it to the compact form.</summary>
    /// <param name="json">Exactly one JSON value, optionally surrounded by whitespace.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">The text is empty, invalid, holds more than one value, or nests deeper than 64 levels.</exception>
    public static RawJson Parse(string json)
    {
        Guard.NotNull(json, nameof(json));
        return Parse(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Parses and validates UTF-8 JSON text and normalizes it to the compact form.</summary>
    /// <param name="utf8Json">Exactly one JSON value, optionally surrounded by whitespace.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The text is empty, invalid, holds more than one value, or nests deeper than 64 levels.</exception>
    public static RawJson Parse(ReadOnlySpan<byte> utf8Json)
    {
        // Default options: no comments, no trailing commas, depth 64 like JsonSerializer.
        var reader = new Utf8JsonReader(utf8Json, default(JsonReaderOptions));
        if (!reader.Read())
        {
            throw new JsonException("The input does not contain a JSON value.");
        }

        RawJson value = Read(ref reader);
        if (reader.Read())
        {
            throw new JsonException("The input contains more than one JSON value.");
        }

        return value;
    }

    /// <summary>Writes the value as is, without re-validating it.</summary>
    /// <param name="writer">The writer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public void WriteTo(Utf8JsonWriter writer)
    {
        Guard.NotNull(writer, nameof(writer));
        writer.WriteRawValue(_utf8, skipInputValidation: true);
    }

    /// <summary>Parses the value into a <see cref="JsonElement"/> that does not need disposing.</summary>
    /// <returns>The element.</returns>
    public JsonElement ToJsonElement()
    {
        // The text is already valid; the depth limit must not reject what Read accepted.
        using JsonDocument document = JsonDocument.Parse(_utf8, new JsonDocumentOptions { MaxDepth = int.MaxValue });
        return document.RootElement.Clone();
    }

    /// <summary>Deserializes the value with the given type metadata.</summary>
    /// <typeparam name="T">The target type.</typeparam>
    /// <param name="typeInfo">Metadata for <typeparamref name="T"/>, e.g. from a source-generated context.</param>
    /// <returns>The deserialized value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="typeInfo"/> is null.</exception>
    /// <exception cref="JsonException">The value does not match <typeparamref name="T"/>.</exception>
    public T? Deserialize<T>(JsonTypeInfo<T> typeInfo)
    {
        Guard.NotNull(typeInfo, nameof(typeInfo));
        return JsonSerializer.Deserialize(new ReadOnlySpan<byte>(_utf8), typeInfo);
    }

    /// <summary>Determines whether <paramref name="other"/> has byte-for-byte the same compact text.</summary>
    /// <param name="other">The value to compare with.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public bool Equals(RawJson? other) =>
        other is not null && (ReferenceEquals(this, other) || _utf8.AsSpan().SequenceEqual(other._utf8));

    /// <summary>Determines whether <paramref name="obj"/> is a <see cref="RawJson"/> with the same compact text.</summary>
    /// <param name="obj">The object to compare with.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public override bool Equals(object? obj) => Equals(obj as RawJson);

    /// <summary>Returns a hash code of the compact text.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        int hash = _hashCode;
        if (hash == 0)
        {
            HashAccumulator accumulator = default;
            accumulator.AddBytes(_utf8);
            hash = accumulator.ToHashCode();
            // Zero marks "not computed"; an unlucky real zero is simply recomputed.
            _hashCode = hash;
        }

        return hash;
    }

    /// <summary>Returns the compact JSON text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Encoding.UTF8.GetString(_utf8);

    private static byte[] CopyQuoted(ref Utf8JsonReader reader)
    {
        EnsureValidUtf8(ref reader);
        if (reader.HasValueSequence)
        {
            var buffer = new PooledByteBuffer((int)Math.Min(reader.ValueSequence.Length + 2, int.MaxValue));
            try
            {
                buffer.Write((byte)'"');
                buffer.Write(reader.ValueSequence);
                buffer.Write((byte)'"');
                return buffer.ToArray();
            }
            finally
            {
                buffer.Dispose();
            }
        }

        ReadOnlySpan<byte> value = reader.ValueSpan;
        byte[] result = new byte[value.Length + 2];
        result[0] = (byte)'"';
        value.CopyTo(result.AsSpan(1));
        result[result.Length - 1] = (byte)'"';
        return result;
    }

    private static RawJson ReadContainer(ref Utf8JsonReader reader)
    {
        int depth = reader.CurrentDepth;
        var buffer = new PooledByteBuffer(InitialBufferSize);
        try
        {
            buffer.Write(reader.TokenType == JsonTokenType.StartObject ? (byte)'{' : (byte)'[');

            // True after a value or a closing bracket: the next value or name needs a comma.
            bool needComma = false;
            while (true)
            {
                JsonRead.Next(ref reader);

                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        if (needComma)
                        {
                            buffer.Write((byte)',');
                        }

                        WriteQuoted(ref reader, ref buffer);
                        buffer.Write((byte)':');
                        needComma = false;
                        break;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        if (needComma)
                        {
                            buffer.Write((byte)',');
                        }

                        buffer.Write(reader.TokenType == JsonTokenType.StartObject ? (byte)'{' : (byte)'[');
                        needComma = false;
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        buffer.Write(reader.TokenType == JsonTokenType.EndObject ? (byte)'}' : (byte)']');
                        if (reader.CurrentDepth == depth)
                        {
                            return new RawJson(buffer.ToArray());
                        }

                        needComma = true;
                        break;
                    case JsonTokenType.String:
                        if (needComma)
                        {
                            buffer.Write((byte)',');
                        }

                        WriteQuoted(ref reader, ref buffer);
                        needComma = true;
                        break;
                    case JsonTokenType.Number:
                        if (needComma)
                        {
                            buffer.Write((byte)',');
                        }

                        WriteValue(ref reader, ref buffer);
                        needComma = true;
                        break;
                    case JsonTokenType.True:
                    case JsonTokenType.False:
                    case JsonTokenType.Null:
                        if (needComma)
                        {
                            buffer.Write((byte)',');
                        }

                        // The literal's text is its value span.
                        WriteValue(ref reader, ref buffer);
                        needComma = true;
                        break;
                    default:
                        // Comments (only present when the reader allows them) are dropped.
                        break;
                }
            }
        }
        finally
        {
            buffer.Dispose();
        }
    }

    private static void WriteQuoted(ref Utf8JsonReader reader, ref PooledByteBuffer buffer)
    {
        EnsureValidUtf8(ref reader);
        buffer.Write((byte)'"');
        WriteValue(ref reader, ref buffer);
        buffer.Write((byte)'"');
    }

    /// <summary>
    /// The reader checks a string's UTF-8 only when the string is materialized; raw JSON is copied
    /// without that, so it is checked here: bad bytes are a read error, not a failure when written.
    /// </summary>
    private static void EnsureValidUtf8(ref Utf8JsonReader reader)
    {
#if NET8_0_OR_GREATER
        if (!reader.HasValueSequence)
        {
            if (!System.Text.Unicode.Utf8.IsValid(reader.ValueSpan))
            {
                throw JsonReadError.InvalidValue("The string is not valid UTF-8.");
            }

            return;
        }
#endif
        try
        {
            s_strictUtf8.GetCharCount(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray());
        }
        catch (DecoderFallbackException)
        {
            throw JsonReadError.InvalidValue("The string is not valid UTF-8.");
        }
    }

    private static void WriteValue(ref Utf8JsonReader reader, ref PooledByteBuffer buffer)
    {
        if (reader.HasValueSequence)
        {
            buffer.Write(reader.ValueSequence);
        }
        else
        {
            buffer.Write(reader.ValueSpan);
        }
    }
}

/// <summary>
/// Reads and writes <see cref="RawJson"/> verbatim. A JSON <c>null</c> is read as
/// <see cref="RawJson.Null"/>, and a null reference is written as <c>null</c>.
/// </summary>
public sealed class RawJsonConverter : JsonConverter<RawJson>
{
    /// <summary>Gets <see langword="true"/>: JSON <c>null</c> is passed to the converter so it becomes <see cref="RawJson.Null"/>.</summary>
    public override bool HandleNull => true;

    /// <summary>Reads the value the reader is positioned on.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="typeToConvert">Ignored; always <see cref="RawJson"/>.</param>
    /// <param name="options">Ignored.</param>
    /// <returns>The value; <see cref="RawJson.Null"/> for a JSON <c>null</c>.</returns>
    public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        RawJson.Read(ref reader);

    /// <summary>Writes the value verbatim, or <c>null</c> for a null reference.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    /// <param name="options">Ignored.</param>
    public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options)
    {
        Guard.NotNull(writer, nameof(writer));
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteTo(writer);
        }
    }
}
