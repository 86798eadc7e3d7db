using System.Text;
using System.Text.Json;
using Clerk.Models.Runtime.Serialization;
using Xunit;

namespace Clerk.Models.Runtime.Tests;

public class JsonReadTests
{
    [Fact]
    public void Primitives_are_read_from_the_right_tokens()
    {
        Assert.Equal("café \"q\"", TestJson.Read("\"caf\\u00e9 \\\"q\\\"\"", JsonRead.String));
        Assert.True(TestJson.Read("true", JsonRead.Boolean));
        Assert.False(TestJson.Read("false", JsonRead.Boolean));
        Assert.Equal(long.MaxValue, TestJson.Read("9223372036854775807", JsonRead.Int64));
        Assert.Equal(long.MinValue, TestJson.Read("-9223372036854775808", JsonRead.Int64));
        Assert.Equal(0, TestJson.Read("-0", JsonRead.Int32));
        Assert.Equal(int.MinValue, TestJson.Read("-2147483648", JsonRead.Int32));
        Assert.Equal(1.5e300, TestJson.Read("1.5e300", JsonRead.Double));
        Assert.Equal(0.25f, TestJson.Read("0.25", JsonRead.Single));
        Assert.Equal(12345678901234567890.12345678m, TestJson.Read("12345678901234567890.12345678", JsonRead.Decimal));
        Assert.Equal(3d, TestJson.Read("3", JsonRead.Double));
    }

    [Fact]
    public void Nullable_readers_map_null_to_null_and_read_values_otherwise()
    {
        Assert.Null(TestJson.Read("null", JsonRead.NullableString));
        Assert.Null(TestJson.Read("null", JsonRead.NullableBoolean));
        Assert.Null(TestJson.Read("null", JsonRead.NullableInt64));
        Assert.Null(TestJson.Read("null", JsonRead.NullableInt32));
        Assert.Null(TestJson.Read("null", JsonRead.NullableDouble));
        Assert.Null(TestJson.Read("null", JsonRead.NullableSingle));
        Assert.Null(TestJson.Read("null", JsonRead.NullableDecimal));

        Assert.Equal("x", TestJson.Read("\"x\"", JsonRead.NullableString));
        Assert.Equal(true, TestJson.Read("true", JsonRead.NullableBoolean));
        Assert.Equal(5L, TestJson.Read("5", JsonRead.NullableInt64));
        Assert.Equal(5, TestJson.Read("5", JsonRead.NullableInt32));
        Assert.Equal(0.5, TestJson.Read("0.5", JsonRead.NullableDouble));
        Assert.Equal(0.5f, TestJson.Read("0.5", JsonRead.NullableSingle));
        Assert.Equal(0.5m, TestJson.Read("0.5", JsonRead.NullableDecimal));

        Assert.Equal(
            "Expected a number but found String. Path: $.",
            TestJson.Throws("\"5\"", JsonRead.NullableInt64).Message);
    }

    [Theory]
    [InlineData("1", "Expected a string but found Number. Path: $.")]
    [InlineData("{}", "Expected a string but found StartObject. Path: $.")]
    [InlineData("null", "Null is not allowed here. Path: $.")]
    public void String_reports_the_wrong_token(string json, string message)
    {
        Assert.Equal(message, TestJson.Throws(json, JsonRead.String).Message);
    }

    [Theory]
    [InlineData("\"1\"", "Expected a number but found String. Path: $.")]
    [InlineData("true", "Expected a number but found True. Path: $.")]
    [InlineData("null", "Null is not allowed here. Path: $.")]
    [InlineData("1.5", "Expected an integer that fits in Int32 but found 1.5. Path: $.")]
    [InlineData("1.0", "Expected an integer that fits in Int32 but found 1.0. Path: $.")]
    [InlineData("1e3", "Expected an integer that fits in Int32 but found 1e3. Path: $.")]
    [InlineData("2147483648", "Expected an integer that fits in Int32 but found 2147483648. Path: $.")]
    [InlineData("-2147483649", "Expected an integer that fits in Int32 but found -2147483649. Path: $.")]
    public void Int32_reports_wrong_tokens_and_numbers_that_do_not_fit(string json, string message)
    {
        JsonException ex = TestJson.Throws(json, JsonRead.Int32);

        Assert.Equal(message, ex.Message);
        Assert.Equal("$", ex.Path);
    }

    [Theory]
    [InlineData("9223372036854775808", "Expected an integer that fits in Int64 but found 9223372036854775808. Path: $.")]
    [InlineData("0.5", "Expected an integer that fits in Int64 but found 0.5. Path: $.")]
    [InlineData("[]", "Expected a number but found StartArray. Path: $.")]
    public void Int64_reports_wrong_tokens_and_numbers_that_do_not_fit(string json, string message)
    {
        Assert.Equal(message, TestJson.Throws(json, JsonRead.Int64).Message);
    }

    [Fact]
    public void Floating_point_and_decimal_report_overflow()
    {
        Assert.Equal(
            "Expected a number that fits in Double but found 1e400. Path: $.",
            TestJson.Throws("1e400", JsonRead.Double).Message);
        Assert.Equal(
            "Expected a number that fits in Double but found -1e400. Path: $.",
            TestJson.Throws("-1e400", JsonRead.NullableDouble).Message);
        Assert.Equal(0d, TestJson.Read("1e-400", JsonRead.Double));
        Assert.Equal(
            "Expected a number that fits in Single but found 1e39. Path: $.",
            TestJson.Throws("1e39", JsonRead.Single).Message);
        Assert.Equal(
            "Expected a number that fits in Decimal but found 1e29. Path: $.",
            TestJson.Throws("1e29", JsonRead.Decimal).Message);
    }

    [Fact]
    public void Long_numbers_are_shortened_in_messages()
    {
        string digits = new string('9', 200);
        string message = TestJson.Throws(digits, JsonRead.Int64).Message;

        Assert.Equal("Expected an integer that fits in Int64 but found " + new string('9', 64) + "... (200 characters). Path: $.", message);
    }

    [Fact]
    public void Boolean_reports_the_wrong_token()
    {
        Assert.Equal("Expected a boolean but found String. Path: $.", TestJson.Throws("\"true\"", JsonRead.Boolean).Message);
        Assert.Equal("Expected a boolean but found Number. Path: $.", TestJson.Throws("1", JsonRead.NullableBoolean).Message);
    }

    [Fact]
    public void Expect_and_IsNull_check_the_token()
    {
        Assert.True(TestJson.Read("null", JsonRead.IsNull));
        Assert.False(TestJson.Read("0", JsonRead.IsNull));

        TestJson.Read("{}", (ref Utf8JsonReader r) =>
        {
            JsonRead.Expect(ref r, JsonTokenType.StartObject);
            return 0;
        });

        Assert.Equal(
            "Expected an object but found StartArray. Path: $.",
            TestJson.Throws("[]", (ref Utf8JsonReader r) =>
            {
                JsonRead.Expect(ref r, JsonTokenType.StartObject);
                return 0;
            }).Message);
        Assert.Equal(
            "Null is not allowed here. Path: $.",
            TestJson.Throws("null", (ref Utf8JsonReader r) =>
            {
                JsonRead.Expect(ref r, JsonTokenType.StartArray);
                return 0;
            }).Message);
    }

    [Fact]
    public void Next_advances_and_fails_when_the_data_runs_out()
    {
        byte[] json = Encoding.UTF8.GetBytes("{\"a\":1");
        var reader = new Utf8JsonReader(json, isFinalBlock: false, state: default);
        JsonRead.Next(ref reader);
        Assert.Equal(JsonTokenType.StartObject, reader.TokenType);
        JsonRead.Next(ref reader);
        Assert.Equal(JsonTokenType.PropertyName, reader.TokenType);

        JsonException? caught = null;
        try
        {
            JsonRead.Next(ref reader);
        }
        catch (JsonException ex)
        {
            caught = ex;
        }

        Assert.NotNull(caught);
        Assert.Equal("The JSON value is incomplete: the reader ran out of data. Path: $.", caught!.Message);
        Assert.Equal(typeof(JsonException), caught.GetType());
    }

    [Fact]
    public void GetUnescapedUtf8_unescapes_names_and_strings()
    {
        byte[] json = Encoding.UTF8.GetBytes("{\"t\\u0079pe\":\"caf\\u00e9\",\"plain\":\"x\"}");
        var reader = new Utf8JsonReader(json);
        reader.Read();

        reader.Read();
        Assert.Equal("type"u8.ToArray(), JsonRead.GetUnescapedUtf8(ref reader));
        reader.Read();
        Assert.Equal("café"u8.ToArray(), JsonRead.GetUnescapedUtf8(ref reader));
        reader.Read();
        Assert.Equal("plain"u8.ToArray(), JsonRead.GetUnescapedUtf8(ref reader));

        var segmented = new Utf8JsonReader(TestJson.Segmented(json, 3));
        segmented.Read();
        segmented.Read();
        Assert.Equal("type"u8.ToArray(), JsonRead.GetUnescapedUtf8(ref segmented));
        segmented.Read();
        Assert.Equal("café"u8.ToArray(), JsonRead.GetUnescapedUtf8(ref segmented));

        Assert.Equal(
            "Expected a property name or string but found Number. Path: $.",
            TestJson.Throws("1", JsonRead.GetUnescapedUtf8).Message);
    }
}
