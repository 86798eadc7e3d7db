using System.ComponentModel;
using System.Text.Json;

namespace Clerk.Models.Runtime.Serialization;

/// <summary>
/// The <see cref="IJsonValueConverter{T}"/> of every value the runtime reads itself, and the ones
/// that compose them: nullable values, lists and maps (<c>ListOf&lt;long, Int64&gt;</c> reads a
/// <c>ValueList&lt;long&gt;</c>). Not meant to be used by other code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonValues
{
    /// <summary>A string.</summary>
    public readonly struct String : IJsonValueConverter<string>
    {
        /// <inheritdoc/>
        public string Read(ref Utf8JsonReader reader, JsonSerializerOptions options) => JsonRead.String(ref reader);

        /// <inheritdoc/>
        public void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    /// <summary>A boolean.</summary>
    public readonly struct Boolean : IJsonValueConverter<bool>
    {
        /// <inheritdoc/>
        public bool Read(ref Utf8JsonReader reader, JsonSerializerOptions options) => JsonRead.Boolean(ref reader);

        /// <inheritdoc/>
        public void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
    }

    /// <summary>An integer that fits in <see cref="int"/>.</summary>
    public readonly struct Int32 : IJsonValueConverter<int>
    {
        /// <inheritdoc/>
        public int Read(ref Utf8JsonReader reader, JsonSerializerOptions options) => JsonRead.Int32(ref reader);

        /// <inheritdoc/>
        public void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    /// <summary>An integer that fits in <see cref="long"/>.</summary>
    public readonly struct Int64 : IJsonValueConverter<long>
    {
        /// <inheritdoc/>
        public long Read(ref Utf8JsonReader reader, JsonSerializerOptions options) => JsonRead.Int64(ref reader);

        /// <inheritdoc/>
        public void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    /// <summary>A finite <see cref="float"/>.</summary>
    public readonly struct Single : IJsonValueConverter<float>
    {
        /// <inheritdoc/>
        public float Read(ref Utf8JsonReader reader, JsonSerializerOptions options) => JsonRead.Single(ref reader);

        /// <inheritdoc/>
        public void Write(Utf8JsonWriter writer, float value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    /// <summary>A finite <see cref="double"/>.</summary>
    public readonly struct Double : IJsonValueConverter<double>
    {
        /// <inheritdoc/>
        public double Read(ref Utf8JsonReader reader, JsonSerializerOptions options) => JsonRead.Double(ref reader);

        /// <inheritdoc/>
        public void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    /// <summary>A <see cref="decimal"/>, its scale kept.</summary>
    public readonly struct Decimal : IJsonValueConverter<decimal>
    {
        /// <inheritdoc/>
        public decimal Read(ref Utf8JsonReader reader, JsonSerializerOptions options) => JsonRead.Decimal(ref reader);

        /// <inheritdoc/>
        public void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
    }

    /// <summary>A <c>date-time</c> string.</summary>
    public readonly struct DateTimeOffset : IJsonValueConverter<System.DateTimeOffset>
    {
        /// <inheritdoc/>
        public System.DateTimeOffset Read(ref Utf8JsonReader reader, JsonSerializerOptions options) => JsonRead.DateTimeOffset(ref reader);

        /// <inheritdoc/>
        public void Write(Utf8JsonWriter writer, System.DateTimeOffset value, JsonSerializerOptions options) => JsonWrite.DateTimeOffset(writer, value);
    }

    /// <summary>A <c>uuid</c> string.</summary>
    public readonly struct Guid : IJsonValueConverter<System.Guid>
    {
        /// <inheritdoc/>
        public System.Guid Read(ref Utf8JsonReader reader, JsonSerializerOptions options) => JsonRead.Guid(ref reader);

        /// <inheritdoc/>
        public void Write(Utf8JsonWriter writer, System.Guid value, JsonSerializerOptions options) => JsonWrite.Guid(writer, value);
    }

    /// <summary>A base64 <c>byte</c> string.</summary>
    public readonly struct Bytes : IJsonValueConverter<ValueList<byte>>
    {
        /// <inheritdoc/>
        public ValueList<byte> Read(ref Utf8JsonReader reader, JsonSerializerOptions options) => JsonRead.Bytes(ref reader);

        /// <inheritdoc/>
        public void Write(Utf8JsonWriter writer, ValueList<byte> value, JsonSerializerOptions options) => JsonWrite.Bytes(writer, value);
    }

    /// <summary>An integer of unix milliseconds, as an instant.</summary>
    public readonly struct UnixMilliseconds : IJsonValueConverter<System.DateTimeOffset>
    {
        /// <inheritdoc/>
        public System.DateTimeOffset Read(ref Utf8JsonReader reader, JsonSerializerOptions options) => JsonRead.UnixMilliseconds(ref reader);

        /// <inheritdoc/>
        public void Write(Utf8JsonWriter writer, System.DateTimeOffset value, JsonSerializerOptions options) => JsonWrite.UnixMilliseconds(writer, value);
    }

    /// <summary>An integer of unix seconds, as an instant.</summary>
    public readonly struct UnixSeconds : IJsonValueConverter<System.DateTimeOffset>
    {
        /// <inheritdoc/>
        public System.DateTimeOffset Read(ref Utf8JsonReader reader, JsonSerializerOptions options) => JsonRead.UnixSeconds(ref reader);

        /// <inheritdoc/>
        public void Write(Utf8JsonWriter writer, System.DateTimeOffset value, JsonSerializerOptions options) => JsonWrite.UnixSeconds(writer, value);
    }

#if NET6_0_OR_GREATER
    /// <summary>A <c>date</c> string.</summary>
    public readonly struct DateOnly : IJsonValueConverter<System.DateOnly>
    {
        /// <inheritdoc/>
        public System.DateOnly Read(ref Utf8JsonReader reader, JsonSerializerOptions options) => JsonRead.DateOnly(ref reader);

        /// <inheritdoc/>
        public void Write(Utf8JsonWriter writer, System.DateOnly value, JsonSerializerOptions options) => JsonWrite.DateOnly(writer, value);
    }
#endif

    /// <summary>Any JSON value, kept as its exact text.</summary>
    public readonly struct Raw : IJsonValueConverter<RawJson>
    {
        /// <inheritdoc/>
        public RawJson Read(ref Utf8JsonReader reader, JsonSerializerOptions options) => RawJson.Read(ref reader);

        /// <inheritdoc/>
        public void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) => value.WriteTo(writer);
    }

    /// <summary>A value of a struct type, or <c>null</c>.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <typeparam name="TConverter">The converter of a value that is not null.</typeparam>
    public readonly struct NullableOf<T, TConverter> : IJsonValueConverter<T?>
        where T : struct
        where TConverter : struct, IJsonValueConverter<T>
    {
        /// <inheritdoc/>
        public T? Read(ref Utf8JsonReader reader, JsonSerializerOptions options)
            => reader.TokenType == JsonTokenType.Null ? null : default(TConverter).Read(ref reader, options);

        /// <inheritdoc/>
        public void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
        {
            if (value.HasValue)
            {
                default(TConverter).Write(writer, value.GetValueOrDefault(), options);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }

    /// <summary>A value of a reference type, or <c>null</c>.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <typeparam name="TConverter">The converter of a value that is not null.</typeparam>
    public readonly struct OrNull<T, TConverter> : IJsonValueConverter<T?>
        where T : class
        where TConverter : struct, IJsonValueConverter<T>
    {
        /// <inheritdoc/>
        public T? Read(ref Utf8JsonReader reader, JsonSerializerOptions options)
            => reader.TokenType == JsonTokenType.Null ? null : default(TConverter).Read(ref reader, options);

        /// <inheritdoc/>
        public void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
        {
            if (value is not null)
            {
                default(TConverter).Write(writer, value, options);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }

    /// <summary>A JSON array, as a <see cref="ValueList{T}"/>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <typeparam name="TConverter">The converter of one item.</typeparam>
    public readonly struct ListOf<T, TConverter> : IJsonValueConverter<ValueList<T>>
        where TConverter : struct, IJsonValueConverter<T>
    {
        /// <inheritdoc/>
        public ValueList<T> Read(ref Utf8JsonReader reader, JsonSerializerOptions options) => JsonRead.List<T, TConverter>(ref reader, options);

        /// <inheritdoc/>
        public void Write(Utf8JsonWriter writer, ValueList<T> value, JsonSerializerOptions options) => JsonWrite.List<T, TConverter>(writer, value, options);
    }

    /// <summary>A JSON object used as a dictionary, as a <see cref="ValueMap{TValue}"/>.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <typeparam name="TConverter">The converter of one value.</typeparam>
    public readonly struct MapOf<T, TConverter> : IJsonValueConverter<ValueMap<T>>
        where TConverter : struct, IJsonValueConverter<T>
    {
        /// <inheritdoc/>
        public ValueMap<T> Read(ref Utf8JsonReader reader, JsonSerializerOptions options) => JsonRead.Map<T, TConverter>(ref reader, options);

        /// <inheritdoc/>
        public void Write(Utf8JsonWriter writer, ValueMap<T> value, JsonSerializerOptions options) => JsonWrite.Map<T, TConverter>(writer, value, options);
    }
}
