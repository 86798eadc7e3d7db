using System.Text.Json;

namespace Clerk.Models.Runtime
{
    /// <summary>Writes primitive arrays and nullable primitive members for generated converters.</summary>
    /// <remarks>
    /// The list writers write only the array value: write the property name first, e.g. with
    /// <see cref="Utf8JsonWriter.WritePropertyName(JsonEncodedText)"/>. The nullable writers write the
    /// whole member, with a JSON <c>null</c> when the value is null; skipping absent members is the caller's choice.
    /// </remarks>
    public static partial class JsonWrite
    {
        /// <summary>Writes a JSON array of strings.</summary>
        /// <param name="writer">The writer.</param>
        /// <param name="values">The values.</param>
        public static void StringList(Utf8JsonWriter writer, ValueList<string> values)
        {
            Guard.NotNull(writer, nameof(writer));
            Guard.NotNull(values, nameof(values));
            writer.WriteStartArray();
            foreach (string value in values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }

        /// <summary>Writes a JSON array of integers.</summary>
        /// <param name="writer">The writer.</param>
        /// <param name="values">The values.</param>
        public static void Int64List(Utf8JsonWriter writer, ValueList<long> values)
        {
            Guard.NotNull(writer, nameof(writer));
            Guard.NotNull(values, nameof(values));
            writer.WriteStartArray();
            foreach (long value in values)
            {
                writer.WriteNumberValue(value);
            }

            writer.WriteEndArray();
        }

        /// <summary>Writes a JSON array of integers.</summary>
        /// <param name="writer">The writer.</param>
        /// <param name="values">The values.</param>
        public static void Int32List(Utf8JsonWriter writer, ValueList<int> values)
        {
            Guard.NotNull(writer, nameof(writer));
            Guard.NotNull(values, nameof(values));
            writer.WriteStartArray();
            foreach (int value in values)
            {
                writer.WriteNumberValue(value);
            }

            writer.WriteEndArray();
        }

        /// <summary>Writes a JSON array of numbers.</summary>
        /// <param name="writer">The writer.</param>
        /// <param name="values">The values; they must be finite, as JSON has no NaN or infinity.</param>
        public static void DoubleList(Utf8JsonWriter writer, ValueList<double> values)
        {
            Guard.NotNull(writer, nameof(writer));
            Guard.NotNull(values, nameof(values));
            writer.WriteStartArray();
            foreach (double value in values)
            {
                writer.WriteNumberValue(value);
            }

            writer.WriteEndArray();
        }

        /// <summary>Writes a JSON array of booleans.</summary>
        /// <param name="writer">The writer.</param>
        /// <param name="values">The values.</param>
        public static void BooleanList(Utf8JsonWriter writer, ValueList<bool> values)
        {
            Guard.NotNull(writer, nameof(writer));
            Guard.NotNull(values, nameof(values));
            writer.WriteStartArray();
            foreach (bool value in values)
            {
                writer.WriteBooleanValue(value);
            }

            writer.WriteEndArray();
        }

        /// <summary>Writes a string member, or a JSON <c>null</c> member when <paramref name="value"/> is null.</summary>
        /// <param name="writer">The writer.</param>
        /// <param name="name">The pre-encoded member name.</param>
        /// <param name="value">The value.</param>
        public static void NullableString(Utf8JsonWriter writer, JsonEncodedText name, string? value)
        {
            Guard.NotNull(writer, nameof(writer));
            if (value is null)
            {
                writer.WriteNull(name);
            }
            else
            {
                writer.WriteString(name, value);
            }
        }

        /// <summary>Writes a boolean member, or a JSON <c>null</c> member when <paramref name="value"/> is null.</summary>
        /// <param name="writer">The writer.</param>
        /// <param name="name">The pre-encoded member name.</param>
        /// <param name="value">The value.</param>
        public static void NullableBoolean(Utf8JsonWriter writer, JsonEncodedText name, bool? value)
        {
            Guard.NotNull(writer, nameof(writer));
            if (value is bool v)
            {
                writer.WriteBoolean(name, v);
            }
            else
            {
                writer.WriteNull(name);
            }
        }

        /// <summary>Writes an integer member, or a JSON <c>null</c> member when <paramref name="value"/> is null.</summary>
        /// <param name="writer">The writer.</param>
        /// <param name="name">The pre-encoded member name.</param>
        /// <param name="value">The value.</param>
        public static void NullableInt64(Utf8JsonWriter writer, JsonEncodedText name, long? value)
        {
            Guard.NotNull(writer, nameof(writer));
            if (value is long v)
            {
                writer.WriteNumber(name, v);
            }
            else
            {
                writer.WriteNull(name);
            }
        }

        /// <summary>Writes an integer member, or a JSON <c>null</c> member when <paramref name="value"/> is null.</summary>
        /// <param name="writer">The writer.</param>
        /// <param name="name">The pre-encoded member name.</param>
        /// <param name="value">The value.</param>
        public static void NullableInt32(Utf8JsonWriter writer, JsonEncodedText name, int? value)
        {
            Guard.NotNull(writer, nameof(writer));
            if (value is int v)
            {
                writer.WriteNumber(name, v);
            }
            else
            {
                writer.WriteNull(name);
            }
        }

        /// <summary>Writes a number member, or a JSON <c>null</c> member when <paramref name="value"/> is null.</summary>
        /// <param name="writer">The writer.</param>
        /// <param name="name">The pre-encoded member name.</param>
        /// <param name="value">The value; it must be finite when present.</param>
        public static void NullableDouble(Utf8JsonWriter writer, JsonEncodedText name, double? value)
        {
            Guard.NotNull(writer, nameof(writer));
            if (value is double v)
            {
                writer.WriteNumber(name, v);
            }
            else
            {
                writer.WriteNull(name);
            }
        }

        /// <summary>Writes a number member, or a JSON <c>null</c> member when <paramref name="value"/> is null.</summary>
        /// <param name="writer">The writer.</param>
        /// <param name="name">The pre-encoded member name.</param>
        /// <param name="value">The value; it must be finite when present.</param>
        public static void NullableSingle(Utf8JsonWriter writer, JsonEncodedText name, float? value)
        {
            Guard.NotNull(writer, nameof(writer));
            if (value is float v)
            {
                writer.WriteNumber(name, v);
            }
            else
            {
                writer.WriteNull(name);
            }
        }

        /// <summary>Writes a number member, or a JSON <c>null</c> member when <paramref name="value"/> is null.</summary>
        /// <param name="writer">The writer.</param>
        /// <param name="name">The pre-encoded member name.</param>
        /// <param name="value">The value.</param>
        public static void NullableDecimal(Utf8JsonWriter writer, JsonEncodedText name, decimal? value)
        {
            Guard.NotNull(writer, nameof(writer));
            if (value is decimal v)
            {
                writer.WriteNumber(name, v);
            }
            else
            {
                writer.WriteNull(name);
            }
        }
    }
}
