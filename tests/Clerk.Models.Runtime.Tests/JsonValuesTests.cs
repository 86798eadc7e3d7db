using System;
using System.Text;
using System.Text.Json;
using Clerk.Models.Runtime.Serialization;
using Xunit;

namespace Clerk.Models.Runtime.Tests;

/// <summary>Each JsonValues converter reads a value and writes back the same text.</summary>
public class JsonValuesTests
{
    private static readonly JsonSerializerOptions s_options = JsonSerializerOptions.Default;

    private static T Read<T, TConverter>(string json)
        where TConverter : struct, IJsonValueConverter<T>
        => TestJson.Read(json, (ref Utf8JsonReader r) => default(TConverter).Read(ref r, s_options));

    private static string Write<T, TConverter>(T value)
        where TConverter : struct, IJsonValueConverter<T>
        => TestJson.Write(w => default(TConverter).Write(w, value, s_options));

    private static string RoundTrip<T, TConverter>(string json)
        where TConverter : struct, IJsonValueConverter<T>
        => Write<T, TConverter>(Read<T, TConverter>(json));

    [Theory]
    [InlineData("\"email_code\"")]
    [InlineData("\"\"")]
    [InlineData("\"caf\\u00E9 \\u0022q\\u0022\\n\"")]
    public void Strings_round_trip(string json)
    {
        Assert.Equal(json, RoundTrip<string, JsonValues.String>(json));
    }

    [Fact]
    public void Strings_are_unescaped_when_read()
    {
        Assert.Equal("café \"q\"", Read<string, JsonValues.String>("\"caf\\u00e9 \\\"q\\\"\""));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    public void Booleans_round_trip(string json)
    {
        Assert.Equal(json, RoundTrip<bool, JsonValues.Boolean>(json));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2147483648")]
    [InlineData("2147483647")]
    public void Int32s_round_trip(string json)
    {
        Assert.Equal(json, RoundTrip<int, JsonValues.Int32>(json));
    }

    [Theory]
    [InlineData("9223372036854775807")]
    [InlineData("-9223372036854775808")]
    [InlineData("1714566600123")]
    public void Int64s_round_trip(string json)
    {
        Assert.Equal(json, RoundTrip<long, JsonValues.Int64>(json));
    }

    [Theory]
    [InlineData("0.25")]
    [InlineData("-3")]
    [InlineData("0.1")]
    public void Singles_round_trip(string json)
    {
        Assert.Equal(json, RoundTrip<float, JsonValues.Single>(json));
    }

    [Theory]
    [InlineData("0.1")]
    [InlineData("1.5E+300")]
    [InlineData("-2.5")]
    [InlineData("5E-324")]
    public void Doubles_round_trip(string json)
    {
        Assert.Equal(json, RoundTrip<double, JsonValues.Double>(json));
    }

    [Theory]
    [InlineData("19.90")]
    [InlineData("-0.000100")]
    [InlineData("12345678901234567890.12345678")]
    [InlineData("0")]
    public void Decimals_round_trip_with_their_scale(string json)
    {
        Assert.Equal(json, RoundTrip<decimal, JsonValues.Decimal>(json));
    }

    [Theory]
    [InlineData("\"2024-05-01T12:30:00Z\"", "\"2024-05-01T12:30:00Z\"")]
    [InlineData("\"2024-05-01T12:30:00.1234567Z\"", "\"2024-05-01T12:30:00.1234567Z\"")]
    [InlineData("\"2024-05-01T12:30:00.5+02:00\"", "\"2024-05-01T12:30:00.5+02:00\"")]
    [InlineData("\"2024-05-01T12:30:00-05:30\"", "\"2024-05-01T12:30:00-05:30\"")]
    [InlineData("\"2024-05-01T12:30:00+00:00\"", "\"2024-05-01T12:30:00Z\"")]
    public void Instants_are_written_in_round_trip_form(string json, string expected)
    {
        var value = Read<DateTimeOffset, JsonValues.DateTimeOffset>(json);

        Assert.Equal(expected, Write<DateTimeOffset, JsonValues.DateTimeOffset>(value));
        Assert.Equal(value, Read<DateTimeOffset, JsonValues.DateTimeOffset>(expected));
    }

    [Fact]
    public void Identifiers_are_written_in_lower_case()
    {
        Assert.Equal("\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\"", RoundTrip<Guid, JsonValues.Guid>("\"3F2504E0-4F89-11D3-9A0C-0305E82C3301\""));
        Assert.Equal("\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\"", RoundTrip<Guid, JsonValues.Guid>("\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\""));
    }

    [Fact]
    public void Bytes_round_trip_as_base64()
    {
        var value = Read<ValueList<byte>, JsonValues.Bytes>("\"AAH+/yo=\"");

        Assert.Equal(new byte[] { 0, 1, 254, 255, 42 }, value);
        Assert.Equal("\"AAH+/yo=\"", Write<ValueList<byte>, JsonValues.Bytes>(value));
        Assert.Equal("\"\"", RoundTrip<ValueList<byte>, JsonValues.Bytes>("\"\""));
    }

    [Theory]
    [InlineData("1714566600123")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("253402300799999")]
    public void Unix_milliseconds_round_trip(string json)
    {
        Assert.Equal(json, RoundTrip<DateTimeOffset, JsonValues.UnixMilliseconds>(json));
    }

    [Fact]
    public void Unix_times_are_instants_in_UTC()
    {
        var milliseconds = Read<DateTimeOffset, JsonValues.UnixMilliseconds>("1714566600123");
        var seconds = Read<DateTimeOffset, JsonValues.UnixSeconds>("1714566600");

        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 30, 0, 123, TimeSpan.Zero), milliseconds);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 30, 0, TimeSpan.Zero), seconds);
        Assert.Equal(TimeSpan.Zero, milliseconds.Offset);
    }

    [Theory]
    [InlineData("1714566600")]
    [InlineData("-62135596800")]
    [InlineData("0")]
    public void Unix_seconds_round_trip(string json)
    {
        Assert.Equal(json, RoundTrip<DateTimeOffset, JsonValues.UnixSeconds>(json));
    }

#if !RUNTIME_WITHOUT_DATEONLY
    [Theory]
    [InlineData("\"2024-02-29\"")]
    [InlineData("\"0001-01-01\"")]
    [InlineData("\"9999-12-31\"")]
    public void Dates_round_trip_as_year_month_day(string json)
    {
        Assert.Equal(json, RoundTrip<DateOnly, JsonValues.DateOnly>(json));
    }

    [Fact]
    public void Dates_refuse_null_and_days_the_calendar_lacks()
    {
        Assert.Equal("Null is not allowed here. Path: $.", TestJson.Throws("null", (ref Utf8JsonReader r) => default(JsonValues.DateOnly).Read(ref r, s_options)).Message);
        Assert.Equal(
            "Expected a date (yyyy-MM-dd) but found \"2023-02-29\". Path: $.",
            TestJson.Throws("\"2023-02-29\"", (ref Utf8JsonReader r) => default(JsonValues.DateOnly).Read(ref r, s_options)).Message);
    }
#endif

    [Theory]
    [InlineData("{\"a\":[1,2.50,{\"b\":\"caf\\u00e9\"}],\"c\":null}")]
    [InlineData("1.0e+10")]
    [InlineData("\"\\u0041\"")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("-0")]
    public void Raw_values_keep_their_exact_text(string json)
    {
        Assert.Equal(json, RoundTrip<RawJson, JsonValues.Raw>(json));
    }

    [Fact]
    public void Raw_values_drop_only_insignificant_whitespace()
    {
        Assert.Equal("{\"a\":[1,\"x y\"]}", RoundTrip<RawJson, JsonValues.Raw>("{ \"a\" : [ 1 ,\n \"x y\" ] }"));
    }

    [Fact]
    public void Nullable_converters_round_trip_null_and_values()
    {
        Assert.Equal("null", RoundTrip<long?, JsonValues.NullableOf<long, JsonValues.Int64>>("null"));
        Assert.Equal("5", RoundTrip<long?, JsonValues.NullableOf<long, JsonValues.Int64>>("5"));
        Assert.Equal("null", RoundTrip<Guid?, JsonValues.NullableOf<Guid, JsonValues.Guid>>("null"));
        Assert.Equal("null", RoundTrip<string?, JsonValues.OrNull<string, JsonValues.String>>("null"));
        Assert.Equal("\"x\"", RoundTrip<string?, JsonValues.OrNull<string, JsonValues.String>>("\"x\""));
        Assert.Null(Read<long?, JsonValues.NullableOf<long, JsonValues.Int64>>("null"));
        Assert.Null(Read<string?, JsonValues.OrNull<string, JsonValues.String>>("null"));
    }

    [Fact]
    public void Non_nullable_converters_refuse_null()
    {
        Assert.Equal("Null is not allowed here. Path: $.", TestJson.Throws("null", (ref Utf8JsonReader r) => default(JsonValues.Int64).Read(ref r, s_options)).Message);
        Assert.Equal("Null is not allowed here. Path: $.", TestJson.Throws("null", (ref Utf8JsonReader r) => default(JsonValues.String).Read(ref r, s_options)).Message);
        Assert.Equal("Null is not allowed here. Path: $.", TestJson.Throws("null", (ref Utf8JsonReader r) => default(JsonValues.ListOf<long, JsonValues.Int64>).Read(ref r, s_options)).Message);
    }

    [Fact]
    public void Format_converters_report_values_not_in_their_format()
    {
        Assert.Equal(
            "Expected a uuid but found \"user_2x\". Path: $.",
            TestJson.Throws("\"user_2x\"", (ref Utf8JsonReader r) => default(JsonValues.Guid).Read(ref r, s_options)).Message);
        Assert.Equal(
            "Expected a date-time string but found Number. Path: $.",
            TestJson.Throws("1714566600123", (ref Utf8JsonReader r) => default(JsonValues.DateTimeOffset).Read(ref r, s_options)).Message);
        Assert.Equal(
            "Expected unix milliseconds between the years 1 and 9999 but found 253402300800000. Path: $.",
            TestJson.Throws("253402300800000", (ref Utf8JsonReader r) => default(JsonValues.UnixMilliseconds).Read(ref r, s_options)).Message);
    }

    [Fact]
    public void Lists_and_maps_round_trip_through_their_converters()
    {
        const string List = "[[1,2],[],[-3]]";
        const string Map = "{\"phone_numbers\":[\"a\",null],\"web3_wallets\":[]}";

        Assert.Equal(List, RoundTrip<ValueList<ValueList<long>>, JsonValues.ListOf<ValueList<long>, JsonValues.ListOf<long, JsonValues.Int64>>>(List));
        Assert.Equal(Map, RoundTrip<ValueMap<ValueList<string?>>, JsonValues.MapOf<ValueList<string?>, JsonValues.ListOf<string?, JsonValues.OrNull<string, JsonValues.String>>>>(Map));
    }

    [Fact]
    public void Converters_leave_the_reader_on_the_values_last_token()
    {
        var json = Encoding.UTF8.GetBytes("[{\"a\":[1]},[2],\"x\",3]");
        var reader = new Utf8JsonReader(json);
        reader.Read();

        reader.Read();
        default(JsonValues.Raw).Read(ref reader, s_options);
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);

        reader.Read();
        default(JsonValues.ListOf<long, JsonValues.Int64>).Read(ref reader, s_options);
        Assert.Equal(JsonTokenType.EndArray, reader.TokenType);

        reader.Read();
        Assert.Equal("x", default(JsonValues.String).Read(ref reader, s_options));
        reader.Read();
        Assert.Equal(3, default(JsonValues.Int32).Read(ref reader, s_options));
        Assert.True(reader.Read());
        Assert.Equal(JsonTokenType.EndArray, reader.TokenType);
    }
}
