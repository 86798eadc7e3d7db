using System.Text;
using System.Text.Json;
using Clerk.Models.Runtime.Serialization;
using Xunit;

namespace Clerk.Models.Runtime.Tests;

/// <summary>JsonProbe.FindUtf8String and the ProbedString it gives, as union converters use them.</summary>
public class ProbedStringTests
{
    private static Utf8JsonReader OnStart(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        Assert.True(reader.Read());
        return reader;
    }

    private static Utf8JsonReader OnStart(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        Assert.True(reader.Read());
        return reader;
    }

    [Fact]
    public void A_string_member_is_found()
    {
        var reader = OnStart("{\"object\":\"verification\",\"status\":\"verified\",\"strategy\":\"email_code\",\"attempts\":1}");

        var strategy = JsonProbe.FindUtf8String(reader, "strategy"u8);

        Assert.True(strategy.HasValue);
        Assert.True(strategy.Is("email_code"u8));
        Assert.False(strategy.Is("email_cod"u8));
        Assert.False(strategy.Is("email_code_"u8));
        Assert.False(strategy.Is("EMAIL_CODE"u8));
        Assert.False(strategy.Is("phone_code"u8));
        Assert.False(strategy.Is(""u8));
        Assert.Equal("email_code", strategy.Text());
        Assert.True(JsonProbe.FindUtf8String(reader, "object"u8).Is("verification"u8));
    }

    [Fact]
    public void An_absent_member_has_no_value()
    {
        var absent = JsonProbe.FindUtf8String(OnStart("{\"status\":\"verified\",\"Strategy\":\"email_code\"}"), "strategy"u8);
        var empty = JsonProbe.FindUtf8String(OnStart("{}"), "strategy"u8);

        Assert.False(absent.HasValue);
        Assert.False(absent.Is("email_code"u8));
        Assert.False(absent.Is(""u8));
        Assert.Null(absent.Text());
        Assert.False(empty.HasValue);
        Assert.False(default(ProbedString).HasValue);
        Assert.False(default(ProbedString).Is(""u8));
        Assert.Null(default(ProbedString).Text());
    }

    [Theory]
    [InlineData("{\"strategy\":1}")]
    [InlineData("{\"strategy\":null}")]
    [InlineData("{\"strategy\":true}")]
    [InlineData("{\"strategy\":{\"name\":\"email_code\"}}")]
    [InlineData("{\"strategy\":[\"email_code\"]}")]
    public void A_member_that_is_not_a_string_has_no_value(string json)
    {
        var found = JsonProbe.FindUtf8String(OnStart(json), "strategy"u8);

        Assert.False(found.HasValue);
        Assert.False(found.Is("email_code"u8));
        Assert.Null(found.Text());
    }

    [Theory]
    [InlineData("[{\"strategy\":\"email_code\"}]")]
    [InlineData("\"email_code\"")]
    [InlineData("1")]
    [InlineData("null")]
    public void A_reader_not_on_an_object_finds_nothing(string json)
    {
        Assert.False(JsonProbe.FindUtf8String(OnStart(json), "strategy"u8).HasValue);
    }

    [Fact]
    public void An_empty_string_is_a_value()
    {
        var found = JsonProbe.FindUtf8String(OnStart("{\"strategy\":\"\"}"), "strategy"u8);

        Assert.True(found.HasValue);
        Assert.True(found.Is(""u8));
        Assert.False(found.Is("email_code"u8));
        Assert.Equal(string.Empty, found.Text());
    }

    [Fact]
    public void The_last_of_duplicated_members_counts()
    {
        var twice = JsonProbe.FindUtf8String(OnStart("{\"strategy\":\"email_code\",\"x\":{\"strategy\":\"nested\"},\"strategy\":\"from_oauth_google\"}"), "strategy"u8);
        var thenNull = JsonProbe.FindUtf8String(OnStart("{\"strategy\":\"email_code\",\"strategy\":null}"), "strategy"u8);
        var thenString = JsonProbe.FindUtf8String(OnStart("{\"strategy\":7,\"strategy\":\"phone_code\"}"), "strategy"u8);
        var escapedLast = JsonProbe.FindUtf8String(OnStart("{\"strategy\":\"email_code\",\"str\\u0061tegy\":\"phone_code\"}"), "strategy"u8);

        Assert.True(twice.Is("from_oauth_google"u8));
        Assert.False(twice.Is("email_code"u8));
        Assert.False(thenNull.HasValue);
        Assert.True(thenString.Is("phone_code"u8));
        Assert.True(escapedLast.Is("phone_code"u8));
    }

    [Fact]
    public void Only_top_level_members_count()
    {
        var found = JsonProbe.FindUtf8String(
            OnStart("{\"a\":{\"strategy\":\"nested\"},\"b\":[{\"strategy\":\"in array\"},\"strategy\"],\"c\":\"strategy\"}"),
            "strategy"u8);

        Assert.False(found.HasValue);
    }

    [Fact]
    public void Escaped_names_and_values_compare_by_their_unescaped_bytes()
    {
        var escapedValue = JsonProbe.FindUtf8String(OnStart("{\"strategy\":\"email\\u005fcode\"}"), "strategy"u8);
        var escapedName = JsonProbe.FindUtf8String(OnStart("{\"str\\u0061tegy\":\"email_code\"}"), "strategy"u8);
        var nonAscii = JsonProbe.FindUtf8String(OnStart("{\"name\":\"caf\\u00e9 \\\"q\\\"\"}"), "name"u8);

        Assert.True(escapedValue.Is("email_code"u8));
        Assert.False(escapedValue.Is("email\\u005fcode"u8));
        Assert.Equal("email_code", escapedValue.Text());
        Assert.True(escapedName.Is("email_code"u8));
        Assert.True(nonAscii.Is("café \"q\""u8));
        Assert.Equal("café \"q\"", nonAscii.Text());
        Assert.False(JsonProbe.FindUtf8String(OnStart("{\"str\\u0061tegy\":\"email_code\"}"), "str\\u0061tegy"u8).HasValue);
    }

    [Fact]
    public void Invalid_utf8_becomes_the_replacement_character_in_text()
    {
        var json = Encoding.UTF8.GetBytes("{\"name\":\"ab\"}");
        json[10] = 0xFF;

        var found = JsonProbe.FindUtf8String(OnStart(json), "name"u8);

        Assert.True(found.HasValue);
        Assert.True(found.Is(new byte[] { (byte)'a', 0xFF }));
        Assert.Equal("a\uFFFD", found.Text());
    }

    [Fact]
    public void The_callers_reader_is_not_moved()
    {
        const string Json = "{\"x\":[1,2,3],\"strategy\":\"from_oauth_google\",\"y\":{}}";
        var reader = OnStart(Json);
        var before = reader.BytesConsumed;

        var found = JsonProbe.FindUtf8String(reader, "strategy"u8);

        Assert.True(found.Is("from_oauth_google"u8));
        Assert.Equal(JsonTokenType.StartObject, reader.TokenType);
        Assert.Equal(before, reader.BytesConsumed);
        Assert.Equal(Json, RawJson.Read(ref reader).ToString());
    }

    [Fact]
    public void Values_split_across_segments_are_found()
    {
        var json = Encoding.UTF8.GetBytes("{\"skip\":{\"strategy\":\"no\"},\"strategy\":\"from_oauth_google\",\"name\":\"caf\\u00e9\"}");

        foreach (var chunk in new[] { 1, 2, 3, 5, 8, 13 })
        {
            var reader = new Utf8JsonReader(TestJson.Segmented(json, chunk));
            Assert.True(reader.Read());

            var strategy = JsonProbe.FindUtf8String(reader, "strategy"u8);
            var name = JsonProbe.FindUtf8String(reader, "name"u8);

            Assert.True(strategy.Is("from_oauth_google"u8));
            Assert.Equal("from_oauth_google", strategy.Text());
            Assert.True(name.Is("café"u8));
        }
    }
}
