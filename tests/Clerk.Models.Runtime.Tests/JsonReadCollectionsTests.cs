using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using Clerk.Models.Runtime.Serialization;
using Xunit;

namespace Clerk.Models.Runtime.Tests;

/// <summary>JsonRead.List and JsonRead.Map over the JsonValues converters.</summary>
public class JsonReadCollectionsTests
{
    private static readonly JsonSerializerOptions s_options = JsonSerializerOptions.Default;

    private static ValueList<long> Int64List(ref Utf8JsonReader reader) => JsonRead.List<long, JsonValues.Int64>(ref reader, s_options);

    private static ValueList<int> Int32List(ref Utf8JsonReader reader) => JsonRead.List<int, JsonValues.Int32>(ref reader, s_options);

    private static ValueList<string> StringList(ref Utf8JsonReader reader) => JsonRead.List<string, JsonValues.String>(ref reader, s_options);

    private static ValueMap<long> Int64Map(ref Utf8JsonReader reader) => JsonRead.Map<long, JsonValues.Int64>(ref reader, s_options);

    private static ValueList<ValueList<long>> NestedList(ref Utf8JsonReader reader)
        => JsonRead.List<ValueList<long>, JsonValues.ListOf<long, JsonValues.Int64>>(ref reader, s_options);

    [Fact]
    public void Lists_are_read_and_the_reader_ends_on_the_closing_bracket()
    {
        var json = Encoding.UTF8.GetBytes("{\"a\":[\"x\",\"y\\u0021\"],\"b\":[1,-2,9007199254740993],\"c\":[1.5,2],\"d\":[true,false],\"e\":[],\"g\":[9]}");
        var reader = new Utf8JsonReader(json);
        reader.Read();

        reader.Read();
        reader.Read();
        Assert.Equal(new[] { "x", "y!" }, StringList(ref reader));
        Assert.Equal(JsonTokenType.EndArray, reader.TokenType);

        reader.Read();
        reader.Read();
        Assert.Equal(new[] { 1L, -2L, 9007199254740993L }, Int64List(ref reader));

        reader.Read();
        reader.Read();
        Assert.Equal(new[] { 1.5, 2 }, JsonRead.List<double, JsonValues.Double>(ref reader, s_options));

        reader.Read();
        reader.Read();
        Assert.Equal(new[] { true, false }, JsonRead.List<bool, JsonValues.Boolean>(ref reader, s_options));

        reader.Read();
        reader.Read();
        Assert.Same(ValueList<int>.Empty, Int32List(ref reader));
        Assert.Equal(JsonTokenType.EndArray, reader.TokenType);

        reader.Read();
        reader.Read();
        Assert.Equal(new[] { 9 }, Int32List(ref reader));

        Assert.True(reader.Read());
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
        Assert.False(reader.Read());
    }

    [Fact]
    public void Empty_arrays_give_the_shared_empty_list()
    {
        Assert.Same(ValueList<long>.Empty, TestJson.Read("[]", Int64List));
        Assert.Same(ValueList<string>.Empty, TestJson.Read("[ \n ]", StringList));
        Assert.Same(ValueList<long?>.Empty, TestJson.Read("[]", (ref Utf8JsonReader r) => JsonRead.List<long?, JsonValues.NullableOf<long, JsonValues.Int64>>(ref r, s_options)));

        var nested = TestJson.Read("[[],[1]]", NestedList);
        Assert.Same(ValueList<long>.Empty, nested[0]);
        Assert.Equal(new[] { 1L }, nested[1]);
    }

    [Fact]
    public void Null_items_are_read_by_nullable_converters()
    {
        var numbers = TestJson.Read("[1,null,3]", (ref Utf8JsonReader r) => JsonRead.List<long?, JsonValues.NullableOf<long, JsonValues.Int64>>(ref r, s_options));
        var strings = TestJson.Read("[\"email_code\",null]", (ref Utf8JsonReader r) => JsonRead.List<string?, JsonValues.OrNull<string, JsonValues.String>>(ref r, s_options));
        var lists = TestJson.Read("[null,[2]]", (ref Utf8JsonReader r) => JsonRead.List<ValueList<long>?, JsonValues.OrNull<ValueList<long>, JsonValues.ListOf<long, JsonValues.Int64>>>(ref r, s_options));

        Assert.Equal(new long?[] { 1, null, 3 }, numbers);
        Assert.Equal(new[] { "email_code", null }, strings);
        Assert.Null(lists[0]);
        Assert.Equal(new[] { 2L }, lists[1]);
    }

    [Fact]
    public void Long_lists_are_read_completely()
    {
        var json = "[" + string.Join(",", Enumerable.Range(0, 5000)) + "]";

        var list = TestJson.Read(json, Int32List);

        Assert.Equal(Enumerable.Range(0, 5000), list);
    }

    [Theory]
    [InlineData("[\"a\",1]", "Expected a string but found Number. Path: $[1].", "$[1]")]
    [InlineData("[\"a\",\"b\",null]", "Null is not allowed here. Path: $[2].", "$[2]")]
    [InlineData("{}", "Expected an array but found StartObject. Path: $.", "$")]
    [InlineData("\"a\"", "Expected an array but found String. Path: $.", "$")]
    [InlineData("null", "Null is not allowed here. Path: $.", "$")]
    public void String_list_errors_name_the_element(string json, string message, string path)
    {
        var ex = TestJson.Throws(json, StringList);

        Assert.Equal(message, ex.Message);
        Assert.Equal(path, ex.Path);
    }

    [Fact]
    public void Numeric_list_errors_name_the_element()
    {
        var ex = TestJson.Throws("[1, 2, 2.5]", Int32List);

        Assert.Equal("Expected an integer that fits in Int32 but found 2.5. Path: $[2].", ex.Message);
        Assert.Equal("$[2]", ex.Path);
        Assert.Equal("Null is not allowed here. Path: $[0].", TestJson.Throws("[null]", (ref Utf8JsonReader r) => JsonRead.List<bool, JsonValues.Boolean>(ref r, s_options)).Message);
        Assert.Equal("Expected a number but found String. Path: $[1].", TestJson.Throws("[1,\"2\"]", (ref Utf8JsonReader r) => JsonRead.List<double, JsonValues.Double>(ref r, s_options)).Message);
        Assert.Equal("Expected a number but found StartArray. Path: $[0].", TestJson.Throws("[[1]]", Int64List).Message);
    }

    [Fact]
    public void Nested_list_errors_name_every_index()
    {
        var ex = TestJson.Throws("[[1,2],[\"x\"]]", NestedList);
        var deeper = TestJson.Throws("[[1],[2,3,null]]", NestedList);
        var notAList = TestJson.Throws("[[1],2]", NestedList);

        Assert.Equal("Expected a number but found String. Path: $[1][0].", ex.Message);
        Assert.Equal("$[1][0]", ex.Path);
        Assert.Equal("Null is not allowed here. Path: $[1][2].", deeper.Message);
        Assert.Equal("Expected an array but found Number. Path: $[1].", notAList.Message);
    }

    [Fact]
    public void Truncated_lists_report_the_element_being_read()
    {
        var partial = Assert.IsType<JsonException>(TestJson.Catch("[1,2,", Int64List, isFinalBlock: false));
        var final = Assert.IsType<JsonException>(TestJson.Catch("[1,2,", Int64List));
        var nested = Assert.IsType<JsonException>(TestJson.Catch("[[1],[2,", NestedList, isFinalBlock: false));

        Assert.Equal("The JSON value is incomplete: the reader ran out of data. Path: $[2].", partial.Message);
        Assert.Equal("$[2]", partial.Path);
        Assert.Equal("$[2]", final.Path);
        Assert.IsAssignableFrom<JsonException>(final.InnerException);
        Assert.Equal("$[1][1]", nested.Path);
    }

    [Fact]
    public void Malformed_json_inside_a_list_is_wrapped_with_the_index_and_position()
    {
        var ex = TestJson.Throws("[1,\n  2,\n  x]", Int64List);

        Assert.Equal("$[2]", ex.Path);
        Assert.Equal(2, ex.LineNumber);
        Assert.Equal(2, ex.BytePositionInLine);
        Assert.IsAssignableFrom<JsonException>(ex.InnerException);
        Assert.Equal(ex.InnerException!.Message + " Path: $[2].", ex.Message);
    }

    [Fact]
    public void Invalid_utf16_escape_in_a_list_string_is_wrapped()
    {
        var ex = TestJson.Throws("[\"ok\", \"\\ud800\"]", StringList);

        Assert.Equal("$[1]", ex.Path);
        Assert.IsType<InvalidOperationException>(ex.InnerException);
    }

    [Fact]
    public void Lists_read_the_same_from_segments()
    {
        const string Json = "[\"email_code\",\"from_oauth_google\",\"caf\\u00e9\",\"\"]";

        foreach (var chunk in new[] { 1, 2, 3, 5, 8 })
        {
            Assert.Equal(new[] { "email_code", "from_oauth_google", "café", string.Empty }, TestJson.ReadSegmented(Json, chunk, StringList));
        }
    }

    [Fact]
    public void Maps_are_read_in_order_and_the_reader_ends_on_the_closing_brace()
    {
        var json = Encoding.UTF8.GetBytes("[{\"seats\":3,\"plan_id\":-1,\"caf\\u00e9\":0},\"after\"]");
        var reader = new Utf8JsonReader(json);
        reader.Read();
        reader.Read();

        var map = Int64Map(ref reader);

        Assert.Equal(new[] { "seats", "plan_id", "café" }, map.Keys);
        Assert.Equal(new[] { 3L, -1L, 0L }, map.Values);
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
        Assert.True(reader.Read());
        Assert.Equal("after", reader.GetString());
    }

    [Fact]
    public void Empty_objects_give_the_shared_empty_map()
    {
        Assert.Same(ValueMap<long>.Empty, TestJson.Read("{}", Int64Map));
        Assert.Same(ValueMap<string>.Empty, TestJson.Read("{ }", (ref Utf8JsonReader r) => JsonRead.Map<string, JsonValues.String>(ref r, s_options)));
    }

    [Fact]
    public void For_a_repeated_key_the_last_value_wins_in_the_first_position()
    {
        var map = TestJson.Read("{\"a\":1,\"b\":2,\"a\":3,\"\\u0061\":4}", Int64Map);

        Assert.Equal(new[] { "a", "b" }, map.Keys);
        Assert.Equal(4, map["a"]);
        Assert.Equal(2, map["b"]);
    }

    [Fact]
    public void Map_values_may_be_null_lists_or_maps()
    {
        var nullable = TestJson.Read("{\"a\":null,\"b\":2}", (ref Utf8JsonReader r) => JsonRead.Map<long?, JsonValues.NullableOf<long, JsonValues.Int64>>(ref r, s_options));
        var lists = TestJson.Read("{\"phone_numbers\":[1,2],\"web3_wallets\":[]}", (ref Utf8JsonReader r) => JsonRead.Map<ValueList<long>, JsonValues.ListOf<long, JsonValues.Int64>>(ref r, s_options));
        var maps = TestJson.Read("{\"x\":{\"y\":\"z\"}}", (ref Utf8JsonReader r) => JsonRead.Map<ValueMap<string>, JsonValues.MapOf<string, JsonValues.String>>(ref r, s_options));
        var raw = TestJson.Read("{\"plan\":\"pro\",\"limits\":{\"seats\": 3}}", (ref Utf8JsonReader r) => JsonRead.Map<RawJson, JsonValues.Raw>(ref r, s_options));

        Assert.Null(nullable["a"]);
        Assert.Equal(2, nullable["b"]);
        Assert.Equal(new[] { 1L, 2L }, lists["phone_numbers"]);
        Assert.Same(ValueList<long>.Empty, lists["web3_wallets"]);
        Assert.Equal("z", maps["x"]["y"]);
        Assert.Equal("{\"seats\":3}", raw["limits"].ToString());
    }

    [Theory]
    [InlineData("{\"seats\":1,\"plan\":\"pro\"}", "Expected a number but found String. Path: $.plan.", "$.plan")]
    [InlineData("{\"two words\":\"x\"}", "Expected a number but found String. Path: $['two words'].", "$['two words']")]
    [InlineData("{\"it's\":true}", "Expected a number but found True. Path: $['it\\'s'].", "$['it\\'s']")]
    [InlineData("{\"a\":null}", "Null is not allowed here. Path: $.a.", "$.a")]
    [InlineData("{\"a\":1.5}", "Expected an integer that fits in Int64 but found 1.5. Path: $.a.", "$.a")]
    [InlineData("[]", "Expected an object but found StartArray. Path: $.", "$")]
    [InlineData("null", "Null is not allowed here. Path: $.", "$")]
    [InlineData("1", "Expected an object but found Number. Path: $.", "$")]
    public void Map_errors_name_the_key(string json, string message, string path)
    {
        var ex = TestJson.Throws(json, Int64Map);

        Assert.Equal(message, ex.Message);
        Assert.Equal(path, ex.Path);
    }

    [Fact]
    public void Nested_map_and_list_errors_compose_their_paths()
    {
        var listInMap = TestJson.Throws(
            "{\"phone_numbers\":[1,\"x\"]}",
            (ref Utf8JsonReader r) => JsonRead.Map<ValueList<long>, JsonValues.ListOf<long, JsonValues.Int64>>(ref r, s_options));
        var mapInList = TestJson.Throws(
            "[{\"a\":1},{\"b c\":\"x\"}]",
            (ref Utf8JsonReader r) => JsonRead.List<ValueMap<long>, JsonValues.MapOf<long, JsonValues.Int64>>(ref r, s_options));
        var mapInMap = TestJson.Throws(
            "{\"x\":{\"y\":1}}",
            (ref Utf8JsonReader r) => JsonRead.Map<ValueMap<string>, JsonValues.MapOf<string, JsonValues.String>>(ref r, s_options));

        Assert.Equal("Expected a number but found String. Path: $.phone_numbers[1].", listInMap.Message);
        Assert.Equal("Expected a number but found String. Path: $[1]['b c'].", mapInList.Message);
        Assert.Equal("$.x.y", mapInMap.Path);
    }

    [Fact]
    public void A_truncated_map_blames_the_key_only_while_its_value_is_read()
    {
        var inValue = Assert.IsType<JsonException>(TestJson.Catch("{\"a\":1,\"b\":", Int64Map, isFinalBlock: false));
        var betweenEntries = Assert.IsType<JsonException>(TestJson.Catch("{\"a\":1,", Int64Map, isFinalBlock: false));
        var malformed = Assert.IsAssignableFrom<JsonException>(TestJson.Catch("{\"a\":1 \"b\":2}", Int64Map));

        Assert.Equal("The JSON value is incomplete: the reader ran out of data. Path: $.b.", inValue.Message);
        Assert.Equal("The JSON value is incomplete: the reader ran out of data. Path: $.", betweenEntries.Message);
        Assert.Equal("$", betweenEntries.Path);
        Assert.Null(malformed.Path);
    }
}
