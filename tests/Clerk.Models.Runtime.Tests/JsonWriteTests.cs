using System;
using System.IO;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Clerk.Models.Runtime.Tests
{
    public class JsonWriteTests
    {
        private static string Write(Action<Utf8JsonWriter> write)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                write(writer);
                writer.WriteEndObject();
            }

            return Encoding.UTF8.GetString(stream.ToArray());
        }

        [Fact]
        public void Lists_are_written_as_arrays_after_the_property_name()
        {
            string json = Write(w =>
            {
                w.WritePropertyName(JsonEncodedText.Encode("s"));
                JsonWrite.StringList(w, new[] { "a", "\"q\"" });
                w.WritePropertyName("l");
                JsonWrite.Int64List(w, new[] { long.MinValue, 0L });
                w.WritePropertyName("i");
                JsonWrite.Int32List(w, ValueList<int>.Empty);
                w.WritePropertyName("d");
                JsonWrite.DoubleList(w, new[] { 1.5, -2 });
                w.WritePropertyName("b");
                JsonWrite.BooleanList(w, new[] { true, false });
            });

            Assert.Equal("{\"s\":[\"a\",\"\\u0022q\\u0022\"],\"l\":[-9223372036854775808,0],\"i\":[],\"d\":[1.5,-2],\"b\":[true,false]}", json);
        }

        [Fact]
        public void Nullable_members_are_written_as_values_or_null()
        {
            JsonEncodedText n = JsonEncodedText.Encode("n");
            string present = Write(w =>
            {
                JsonWrite.NullableString(w, n, "x");
                JsonWrite.NullableBoolean(w, n, true);
                JsonWrite.NullableInt64(w, n, 1L);
                JsonWrite.NullableInt32(w, n, 2);
                JsonWrite.NullableDouble(w, n, 0.5);
                JsonWrite.NullableSingle(w, n, 0.25f);
                JsonWrite.NullableDecimal(w, n, 1.10m);
            });
            string absent = Write(w =>
            {
                JsonWrite.NullableString(w, n, null);
                JsonWrite.NullableBoolean(w, n, null);
                JsonWrite.NullableInt64(w, n, null);
                JsonWrite.NullableInt32(w, n, null);
                JsonWrite.NullableDouble(w, n, null);
                JsonWrite.NullableSingle(w, n, null);
                JsonWrite.NullableDecimal(w, n, null);
            });

            Assert.Equal("{\"n\":\"x\",\"n\":true,\"n\":1,\"n\":2,\"n\":0.5,\"n\":0.25,\"n\":1.10}", present);
            Assert.Equal("{\"n\":null,\"n\":null,\"n\":null,\"n\":null,\"n\":null,\"n\":null,\"n\":null}", absent);
        }

        [Fact]
        public void Written_lists_read_back_equal()
        {
            ValueList<string> original = new[] { "é", "\n", "" };
            string json = Write(w =>
            {
                w.WritePropertyName("v");
                JsonWrite.StringList(w, original);
            });

            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
            reader.Read();
            reader.Read();
            reader.Read();

            Assert.True(original.Equals(JsonRead.StringList(ref reader)));
        }
    }
}
