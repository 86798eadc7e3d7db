using System.Text;
using System.Text.Json;
using Clerk.Models.Runtime.Serialization;
using Xunit;

namespace Clerk.Models.Runtime.Tests;

public class JsonProbeTests
{
    private static Utf8JsonReader OnStart(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        Assert.True(reader.Read());
        return reader;
    }

    [Fact]
    public void Only_top_level_members_are_considered()
    {
        Utf8JsonReader reader = OnStart(
            "{\"a\":{\"object\":\"nested\"},\"b\":[{\"object\":\"in array\"},\"object\"],\"c\":\"object\",\"object\":\"user\"}");

        Assert.Equal("user", JsonProbe.FindString(reader, "object"u8));
        Assert.True(JsonProbe.HasMember(reader, "object"u8));
        Assert.False(JsonProbe.HasMember(reader, "nested"u8));
    }

    [Fact]
    public void The_callers_reader_is_not_moved()
    {
        Utf8JsonReader reader = OnStart("{\"x\":[1,2,3],\"object\":\"user\"}");
        long before = reader.BytesConsumed;

        Assert.Equal("user", JsonProbe.FindString(reader, "object"u8));

        Assert.Equal(JsonTokenType.StartObject, reader.TokenType);
        Assert.Equal(before, reader.BytesConsumed);
        Assert.Equal("{\"x\":[1,2,3],\"object\":\"user\"}", RawJson.Read(ref reader).ToString());
    }

    [Fact]
    public void Escaped_names_and_values_match()
    {
        Utf8JsonReader reader = OnStart("{\"\\u006fbject\":\"us\\u0065r\"}");

        Assert.Equal("user", JsonProbe.FindString(reader, "object"u8));
        Assert.True(JsonProbe.HasMember(reader, "object"u8));
        Assert.False(JsonProbe.HasMember(reader, "\\u006fbject"u8));
    }

    [Fact]
    public void Non_string_values_and_missing_members_give_null()
    {
        Utf8JsonReader reader = OnStart("{\"n\":1,\"o\":{},\"z\":null}");

        Assert.Null(JsonProbe.FindString(reader, "n"u8));
        Assert.Null(JsonProbe.FindString(reader, "o"u8));
        Assert.Null(JsonProbe.FindString(reader, "z"u8));
        Assert.Null(JsonProbe.FindString(reader, "missing"u8));
        Assert.True(JsonProbe.HasMember(reader, "z"u8));
        Assert.False(JsonProbe.HasMember(reader, "missing"u8));
        Assert.False(JsonProbe.HasMember(OnStart("{}"), "a"u8));
    }

    [Fact]
    public void The_last_of_duplicate_members_wins_as_when_the_object_is_read()
    {
        Assert.Equal("second", JsonProbe.FindString(OnStart("{\"t\":\"first\",\"x\":{\"t\":\"nested\"},\"t\":\"second\"}"), "t"u8));
        Assert.Null(JsonProbe.FindString(OnStart("{\"t\":\"first\",\"t\":7}"), "t"u8));
    }

    [Fact]
    public void A_reader_not_on_an_object_finds_nothing()
    {
        Assert.Null(JsonProbe.FindString(OnStart("[{\"t\":\"x\"}]"), "t"u8));
        Assert.False(JsonProbe.HasMember(OnStart("\"t\""), "t"u8));
    }

    [Fact]
    public void A_partially_buffered_value_finds_nothing_after_the_buffer_ends()
    {
        byte[] json = Encoding.UTF8.GetBytes("{\"a\":[1,2,3");
        var reader = new Utf8JsonReader(json, isFinalBlock: false, state: default);
        reader.Read();

        Assert.Null(JsonProbe.FindString(reader, "t"u8));
    }

    [Fact]
    public void Segmented_input_is_probed_correctly()
    {
        var reader = new Utf8JsonReader(TestJson.Segmented(Encoding.UTF8.GetBytes("{\"skip\":{\"t\":\"no\"},\"t\":\"yes\"}"), 2));
        reader.Read();

        Assert.Equal("yes", JsonProbe.FindString(reader, "t"u8));
    }
}
