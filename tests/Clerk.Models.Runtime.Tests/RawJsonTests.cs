using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using Xunit;

namespace Clerk.Models.Runtime.Tests;

public class RawJsonTests
{
    private const string Nasty =
        "{ \"caf\\u00e9 \\\"q\\\"\" : [ 1.0e+10 , -0, 1E-7, 0.10, 123456789012345678901234567890,\n" +
        "  \"x\\/y\\n\\u00E9\\ud83d\\ude00\", \"plain é\", true, false, null, { }, [ ], [[ ]] ],\r\n" +
        "  \"b\" :\t{ \"c\" : { \"\" : \"\" } }, \"\\u0061\" : 1 }";

    private const string NastyCompact =
        "{\"caf\\u00e9 \\\"q\\\"\":[1.0e+10,-0,1E-7,0.10,123456789012345678901234567890," +
        "\"x\\/y\\n\\u00E9\\ud83d\\ude00\",\"plain é\",true,false,null,{},[],[[]]]," +
        "\"b\":{\"c\":{\"\":\"\"}},\"\\u0061\":1}";

    public sealed class Holder
    {
        public RawJson? Metadata { get; set; }

        public int After { get; set; }
    }

    private static RawJson ReadFirst(string json) => TestJson.Read(json, (ref Utf8JsonReader r) => RawJson.Read(ref r));

    [Theory]
    [InlineData(new byte[] { 0x22, 0xC3, 0x28, 0x22 })]
    [InlineData(new byte[] { 0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D })]
    [InlineData(new byte[] { 0x7B, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x3A, 0x31, 0x7D })]
    public void Invalid_utf8_in_a_string_is_a_read_error_not_a_failure_when_written(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();

        try
        {
            RawJson.Read(ref reader);
            Assert.Fail("Invalid UTF-8 was read as raw JSON.");
        }
        catch (JsonException ex)
        {
            Assert.Contains("UTF-8", ex.Message);
        }
    }

    [Fact]
    public void Read_keeps_escapes_and_number_spelling_byte_for_byte()
    {
        RawJson value = ReadFirst(Nasty);

        Assert.Equal(NastyCompact, value.ToString());
        Assert.Equal(Encoding.UTF8.GetBytes(NastyCompact), value.Utf8Json.ToArray());
        Assert.Equal(JsonValueKind.Object, value.ValueKind);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    public void Read_gives_the_same_bytes_from_a_segmented_reader(int chunkSize)
    {
        ReadOnlySequence(chunkSize, Nasty, out RawJson value);

        Assert.Equal(NastyCompact, value.ToString());
    }

    [Fact]
    public void Parse_normalizes_to_the_same_compact_text()
    {
        Assert.Equal(NastyCompact, RawJson.Parse(Nasty).ToString());
        Assert.Equal(NastyCompact, RawJson.Parse(Encoding.UTF8.GetBytes(Nasty)).ToString());
        Assert.Equal("[1,2]", RawJson.Parse("  [ 1 ,\n 2 ]  ").ToString());
        Assert.Equal("\"a\\tb\"", RawJson.Parse(" \"a\\tb\" ").ToString());
        Assert.Equal("-0.0e-0", RawJson.Parse("-0.0e-0").ToString());
    }

    [Fact]
    public void Read_leaves_the_reader_on_the_last_token_of_each_value()
    {
        byte[] json = Encoding.UTF8.GetBytes("[{\"a\":[1,{\"b\":2}]}, 3, \"s\", [], {\"x\":null}, true]");
        var reader = new Utf8JsonReader(json);
        Assert.True(reader.Read());

        Assert.True(reader.Read());
        Assert.Equal("{\"a\":[1,{\"b\":2}]}", RawJson.Read(ref reader).ToString());
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
        Assert.Equal(1, reader.CurrentDepth);

        Assert.True(reader.Read());
        Assert.Equal("3", RawJson.Read(ref reader).ToString());
        Assert.Equal(JsonTokenType.Number, reader.TokenType);

        Assert.True(reader.Read());
        Assert.Equal("\"s\"", RawJson.Read(ref reader).ToString());
        Assert.Equal(JsonTokenType.String, reader.TokenType);

        Assert.True(reader.Read());
        Assert.Equal("[]", RawJson.Read(ref reader).ToString());
        Assert.Equal(JsonTokenType.EndArray, reader.TokenType);
        Assert.Equal(1, reader.CurrentDepth);

        Assert.True(reader.Read());
        Assert.Equal("{\"x\":null}", RawJson.Read(ref reader).ToString());

        Assert.True(reader.Read());
        Assert.Same(RawJson.Read(ref reader), RawJson.Read(ref reader));
        Assert.Equal(JsonTokenType.True, reader.TokenType);

        Assert.True(reader.Read());
        Assert.Equal(JsonTokenType.EndArray, reader.TokenType);
        Assert.False(reader.Read());
    }

    [Fact]
    public void Null_is_a_singleton_with_null_kind()
    {
        Assert.Same(RawJson.Null, ReadFirst("null"));
        Assert.Same(RawJson.Null, RawJson.Parse(" null "));
        Assert.Equal(JsonValueKind.Null, RawJson.Null.ValueKind);
        Assert.Equal("null", RawJson.Null.ToString());
    }

    [Theory]
    [InlineData("{}", JsonValueKind.Object)]
    [InlineData("[]", JsonValueKind.Array)]
    [InlineData("\"\"", JsonValueKind.String)]
    [InlineData("-1", JsonValueKind.Number)]
    [InlineData("0", JsonValueKind.Number)]
    [InlineData("true", JsonValueKind.True)]
    [InlineData("false", JsonValueKind.False)]
    public void ValueKind_comes_from_the_first_byte(string json, JsonValueKind kind)
    {
        Assert.Equal(kind, RawJson.Parse(json).ValueKind);
    }

    [Theory]
    [InlineData("[", 10_000)]
    [InlineData("{\"a\":", 10_000)]
    public void Deep_nesting_is_copied_without_recursion(string open, int depth)
    {
        string close = open == "[" ? "]" : "}";
        var text = new StringBuilder();
        for (int i = 0; i < depth; i++)
        {
            text.Append(open).Append(' ');
        }

        text.Append('1');
        for (int i = 0; i < depth; i++)
        {
            text.Append(' ').Append(close);
        }

        byte[] json = Encoding.UTF8.GetBytes(text.ToString());
        string expected = text.ToString().Replace(" ", string.Empty, StringComparison.Ordinal);
        string? actual = null;
        long consumed = 0;
        Exception? failure = null;

        // A small stack: a recursive copy of 10,000 levels would overflow it.
        var thread = new Thread(
            () =>
            {
                try
                {
                    var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = depth + 1 });
                    reader.Read();
                    actual = RawJson.Read(ref reader).ToString();
                    consumed = reader.BytesConsumed;
                }
                catch (Exception ex)
                {
                    failure = ex;
                }
            },
            maxStackSize: 128 * 1024);
        thread.Start();
        thread.Join();

        Assert.Null(failure);
        Assert.Equal(expected, actual);
        Assert.Equal(json.Length, consumed);
    }

    [Fact]
    public void The_readers_depth_limit_applies()
    {
        string json = new string('[', 70) + new string(']', 70);

        Assert.ThrowsAny<JsonException>(() => RawJson.Parse(json));
        string deepest = new string('[', 64) + new string(']', 64);
        Assert.Equal(deepest, RawJson.Parse(deepest).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("[1,]")]
    [InlineData("{\"a\":1,}")]
    [InlineData("{\"a\" 1}")]
    [InlineData("{\"a\":1} x")]
    [InlineData("1 2")]
    [InlineData("[1] [2]")]
    [InlineData("nul")]
    [InlineData("'a'")]
    [InlineData("01")]
    [InlineData("// comment\n1")]
    [InlineData("\"unterminated")]
    [InlineData("\"bad \\x escape\"")]
    [InlineData("{\"a\":NaN}")]
    public void Parse_rejects_invalid_input(string json)
    {
        Assert.ThrowsAny<JsonException>(() => RawJson.Parse(json));
        Assert.ThrowsAny<JsonException>(() => RawJson.Parse(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Read_rejects_a_reader_that_is_not_on_a_value()
    {
        JsonException ex = TestJson.Throws("{\"a\":1}", (ref Utf8JsonReader r) =>
        {
            r.Read();
            return RawJson.Read(ref r);
        });

        Assert.Equal("Expected a JSON value but found PropertyName. Path: $.", ex.Message);
    }

    [Fact]
    public void Read_reports_a_value_that_is_cut_off()
    {
        byte[] json = Encoding.UTF8.GetBytes("{\"a\":[1,2");
        var reader = new Utf8JsonReader(json, isFinalBlock: false, state: default);
        Assert.True(reader.Read());

        JsonException? caught = null;
        try
        {
            RawJson.Read(ref reader);
        }
        catch (JsonException ex)
        {
            caught = ex;
        }

        Assert.NotNull(caught);
        Assert.Contains("incomplete", caught!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equality_is_of_the_compact_text()
    {
        RawJson a = RawJson.Parse("{\"a\":1,\"b\":[true]}");
        RawJson b = ReadFirst("{ \"a\" : 1 , \"b\" : [ true ] }");
        RawJson reordered = RawJson.Parse("{\"b\":[true],\"a\":1}");
        RawJson respelled = RawJson.Parse("{\"a\":1.0,\"b\":[true]}");

        Assert.True(a.Equals(b));
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a != reordered);
        Assert.False(a.Equals(respelled));
        Assert.False(RawJson.Parse("\"\\u0061\"").Equals(RawJson.Parse("\"a\"")));
        Assert.False(a.Equals((object?)null));
        Assert.True(RawJson.Null.Equals((object)RawJson.Parse("null")));
    }

    [Fact]
    public void WriteTo_writes_the_text_verbatim_inside_other_json()
    {
        RawJson value = RawJson.Parse(Nasty);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("m");
            value.WriteTo(writer);
            writer.WriteNumber("n", 1);
            writer.WriteStartArray("list");
            RawJson.Null.WriteTo(writer);
            value.WriteTo(writer);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        Assert.Equal(
            "{\"m\":" + NastyCompact + ",\"n\":1,\"list\":[null," + NastyCompact + "]}",
            Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void ToJsonElement_gives_a_usable_detached_element()
    {
        JsonElement element = RawJson.Parse("{\"name\":\"caf\\u00e9\",\"n\":[1,2]}").ToJsonElement();

        Assert.Equal("café", element.GetProperty("name").GetString());
        Assert.Equal(2, element.GetProperty("n").GetArrayLength());

        string deep = new string('[', 500) + new string(']', 500);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(deep), new JsonReaderOptions { MaxDepth = 600 });
        reader.Read();
        Assert.Equal(JsonValueKind.Array, RawJson.Read(ref reader).ToJsonElement().ValueKind);
    }

    [Fact]
    public void Deserialize_uses_the_given_type_info()
    {
        var typeInfo = (JsonTypeInfo<int[]>)JsonSerializerOptions.Default.GetTypeInfo(typeof(int[]));

        Assert.Equal(new[] { 1, 2, 3 }, RawJson.Parse("[1, 2, 3]").Deserialize(typeInfo));
        Assert.Null(RawJson.Null.Deserialize(typeInfo));
    }

    [Fact]
    public void The_converter_round_trips_and_turns_null_into_RawJson_Null()
    {
        const string json = "{\"Metadata\":{ \"k\" : [1.50, \"\\u00e9\"] },\"After\":7}";
        Holder? holder = JsonSerializer.Deserialize<Holder>(json);

        Assert.NotNull(holder);
        Assert.Equal("{\"k\":[1.50,\"\\u00e9\"]}", holder!.Metadata!.ToString());
        Assert.Equal(7, holder.After);
        Assert.Equal("{\"Metadata\":{\"k\":[1.50,\"\\u00e9\"]},\"After\":7}", JsonSerializer.Serialize(holder));

        Holder? withNull = JsonSerializer.Deserialize<Holder>("{\"Metadata\":null,\"After\":1}");
        Assert.Same(RawJson.Null, withNull!.Metadata);
        Assert.Same(RawJson.Null, JsonSerializer.Deserialize<RawJson>("null"));

        Assert.Equal("{\"Metadata\":null,\"After\":0}", JsonSerializer.Serialize(new Holder()));
    }

    private static void ReadOnlySequence(int chunkSize, string json, out RawJson value)
    {
        var reader = new Utf8JsonReader(TestJson.Segmented(Encoding.UTF8.GetBytes(json), chunkSize));
        Assert.True(reader.Read());
        value = RawJson.Read(ref reader);
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
        Assert.False(reader.Read());
    }
}
