using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using Clerk.Models.Runtime.Serialization;
using Xunit;

namespace Clerk.Models.Runtime.Tests;

/// <summary>The one-call member writers and the list and map writers, checked on their exact output.</summary>
public class JsonWriteMembersTests
{
    private static readonly JsonSerializerOptions s_options = JsonSerializerOptions.Default;

    private static readonly JsonMemberNames s_names = new("id", "email_address", "created_at", "verified", "two words", "caf\u00e9");

    private static ValueMap<RawJson> Unknown(params (string Name, string Json)[] members)
    {
        var entries = new List<KeyValuePair<string, RawJson>>();
        foreach (var (name, json) in members)
        {
            entries.Add(new KeyValuePair<string, RawJson>(name, RawJson.Parse(json)));
        }

        return new ValueMap<RawJson>(entries);
    }

    [Fact]
    public void Reference_members_write_their_value_or_null()
    {
        Assert.Equal(
            "{\"email_address\":\"ada@example.com\",\"id\":null}",
            TestJson.WriteObject(w =>
            {
                JsonWrite.Member<string, JsonValues.String>(w, s_names[1], "ada@example.com", s_options);
                JsonWrite.Member<string, JsonValues.String>(w, s_names[0], null, s_options);
            }));
        Assert.Equal(
            "{\"two words\":[3,1,2],\"caf\\u00E9\":null}",
            TestJson.WriteObject(w =>
            {
                JsonWrite.Member<ValueList<long>, JsonValues.ListOf<long, JsonValues.Int64>>(w, s_names[4], ValueList.Create(3L, 1L, 2L), s_options);
                JsonWrite.Member<ValueList<long>, JsonValues.ListOf<long, JsonValues.Int64>>(w, s_names[5], null, s_options);
            }));
        Assert.Equal(
            "{\"id\":{\"plan\":\"pro\"}}",
            TestJson.WriteObject(w => JsonWrite.Member<RawJson, JsonValues.Raw>(w, s_names[0], RawJson.Parse("{ \"plan\" : \"pro\" }"), s_options)));
    }

    [Fact]
    public void Struct_members_write_their_value_or_null()
    {
        var guid = Guid.Parse("3F2504E0-4F89-11D3-9A0C-0305E82C3301");
        var instant = DateTimeOffset.FromUnixTimeMilliseconds(1714566600123);

        Assert.Equal(
            "{\"id\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\",\"email_address\":null,\"created_at\":1714566600123,\"verified\":\"2024-05-01T12:30:00.123Z\",\"two words\":null}",
            TestJson.WriteObject(w =>
            {
                JsonWrite.StructMember<Guid, JsonValues.Guid>(w, s_names[0], guid, s_options);
                JsonWrite.StructMember<Guid, JsonValues.Guid>(w, s_names[1], null, s_options);
                JsonWrite.StructMember<DateTimeOffset, JsonValues.UnixMilliseconds>(w, s_names[2], instant, s_options);
                JsonWrite.StructMember<DateTimeOffset, JsonValues.DateTimeOffset>(w, s_names[3], instant, s_options);
                JsonWrite.StructMember<DateTimeOffset, JsonValues.DateTimeOffset>(w, s_names[4], null, s_options);
            }));
    }

    [Fact]
    public void Booleans_are_written_or_null()
    {
        Assert.Equal(
            "{\"verified\":true,\"id\":false,\"email_address\":null}",
            TestJson.WriteObject(w =>
            {
                JsonWrite.Boolean(w, s_names[3], true);
                JsonWrite.Boolean(w, s_names[0], false);
                JsonWrite.Boolean(w, s_names[1], null);
            }));
    }

    [Fact]
    public void Numbers_are_written_or_null()
    {
        Assert.Equal(
            "{\"a\":9223372036854775807,\"b\":null,\"c\":-2147483648,\"d\":null,\"e\":0.1,\"f\":null,\"g\":0.25,\"h\":null,\"i\":19.90,\"j\":null,\"k\":-0.000100}",
            TestJson.WriteObject(w =>
            {
                JsonWrite.Number(w, JsonEncodedText.Encode("a"), (long?)long.MaxValue);
                JsonWrite.Number(w, JsonEncodedText.Encode("b"), (long?)null);
                JsonWrite.Number(w, JsonEncodedText.Encode("c"), (int?)int.MinValue);
                JsonWrite.Number(w, JsonEncodedText.Encode("d"), (int?)null);
                JsonWrite.Number(w, JsonEncodedText.Encode("e"), (double?)0.1);
                JsonWrite.Number(w, JsonEncodedText.Encode("f"), (double?)null);
                JsonWrite.Number(w, JsonEncodedText.Encode("g"), (float?)0.25f);
                JsonWrite.Number(w, JsonEncodedText.Encode("h"), (float?)null);
                JsonWrite.Number(w, JsonEncodedText.Encode("i"), (decimal?)19.90m);
                JsonWrite.Number(w, JsonEncodedText.Encode("j"), (decimal?)null);
                JsonWrite.Number(w, JsonEncodedText.Encode("k"), (decimal?)decimal.Parse("-0.000100", CultureInfo.InvariantCulture));
            }));
    }

    [Fact]
    public void A_decimal_keeps_the_scale_it_was_read_with()
    {
        var price = TestJson.Read("19.90", JsonRead.Decimal);

        Assert.Equal("{\"amount\":19.90}", TestJson.WriteObject(w => JsonWrite.Number(w, JsonEncodedText.Encode("amount"), price)));
    }

    [Fact]
    public void Lists_are_written_in_order()
    {
        Assert.Equal("[3,1,2]", TestJson.Write(w => JsonWrite.List<long, JsonValues.Int64>(w, ValueList.Create(3L, 1L, 2L), s_options)));
        Assert.Equal("[]", TestJson.Write(w => JsonWrite.List<string, JsonValues.String>(w, ValueList<string>.Empty, s_options)));
        Assert.Equal(
            "[\"email_code\",null,\"caf\\u00E9\"]",
            TestJson.Write(w => JsonWrite.List<string?, JsonValues.OrNull<string, JsonValues.String>>(w, ValueList.Create<string?>("email_code", null, "café"), s_options)));
        Assert.Equal(
            "[[1],[],[2,3]]",
            TestJson.Write(w => JsonWrite.List<ValueList<long>, JsonValues.ListOf<long, JsonValues.Int64>>(
                w, ValueList.Create(ValueList.Create(1L), ValueList<long>.Empty, ValueList.Create(2L, 3L)), s_options)));
        Assert.Equal(
            "[1,null]",
            TestJson.Write(w => JsonWrite.List<long?, JsonValues.NullableOf<long, JsonValues.Int64>>(w, ValueList.Create<long?>(1L, null), s_options)));
    }

    [Fact]
    public void Maps_are_written_in_order()
    {
        var map = new ValueMap<long>(new[]
        {
            new KeyValuePair<string, long>("seats", 3),
            new KeyValuePair<string, long>("two words", 1),
            new KeyValuePair<string, long>("café", 2),
            new KeyValuePair<string, long>("a", 0),
        });
        var nested = new ValueMap<ValueList<string>>(new[]
        {
            new KeyValuePair<string, ValueList<string>>("z", ValueList.Create("x")),
            new KeyValuePair<string, ValueList<string>>("a", ValueList<string>.Empty),
        });

        Assert.Equal("{\"seats\":3,\"two words\":1,\"caf\\u00E9\":2,\"a\":0}", TestJson.Write(w => JsonWrite.Map<long, JsonValues.Int64>(w, map, s_options)));
        Assert.Equal("{}", TestJson.Write(w => JsonWrite.Map<long, JsonValues.Int64>(w, ValueMap<long>.Empty, s_options)));
        Assert.Equal(
            "{\"z\":[\"x\"],\"a\":[]}",
            TestJson.Write(w => JsonWrite.Map<ValueList<string>, JsonValues.ListOf<string, JsonValues.String>>(w, nested, s_options)));
    }

    [Fact]
    public void Unknown_members_are_written_in_order_and_declared_names_are_skipped()
    {
        var unknown = Unknown(
            ("object", "\"email_address\""),
            ("id", "\"shadowed\""),
            ("verification", "{\"status\":\"verified\",\"attempts\":null}"),
            ("caf\u00e9", "1.50e+3"),
            ("naïve", "[ 1, 2 ]"),
            ("Id", "true"));

        var written = TestJson.WriteObject(w =>
        {
            w.WriteString(s_names[0], "idn_1");
            JsonWrite.UnknownMembers(w, unknown, s_names);
        });

        Assert.Equal(
            "{\"id\":\"idn_1\",\"object\":\"email_address\",\"verification\":{\"status\":\"verified\",\"attempts\":null},\"na\\u00EFve\":[1,2],\"Id\":true}",
            written);
    }

    [Fact]
    public void No_unknown_members_write_nothing()
    {
        Assert.Equal("{}", TestJson.WriteObject(w => JsonWrite.UnknownMembers(w, null, s_names)));
        Assert.Equal("{}", TestJson.WriteObject(w => JsonWrite.UnknownMembers(w, ValueMap<RawJson>.Empty, s_names)));
        Assert.Equal("{}", TestJson.WriteObject(w => JsonWrite.UnknownMembers(w, Unknown(("id", "1"), ("two words", "2")), s_names)));
    }

    [Theory]
    [InlineData("{\"id\":\"idn_1\",\"created_at\":1714566600123}")]
    [InlineData("{\"id\":\"idn_1\",\"email_address\":null,\"strategy\":\"from_oauth_google\",\"created_at\":-1,\"reserved\":null,\"two words\":7}")]
    [InlineData("{\"id\":\"idn_1\",\"strategy\":\"saml_okta\",\"created_at\":0,\"reserved\":false,\"object\":\"email_address\",\"linked_to\":[{\"id\":\"idn_2\",\"type\":\"oauth_google\"}]}")]
    [InlineData("{\"id\":\"\\u0041\",\"created_at\":1,\"caf\\u00e9\":\"\\u00e9\"}")]
    public void A_record_writes_back_what_it_read(string json)
    {
        var value = TestJson.Read(json, TestEmailAddress.ReadValue);

        var written = TestJson.Write(w => TestEmailAddress.WriteValue(w, value));

        // Known members are re-encoded by the writer; unknown members' values keep their text.
        var expected = json.Replace("\"\\u0041\"", "\"A\"", StringComparison.Ordinal).Replace("\"caf\\u00e9\":", "\"caf\\u00E9\":", StringComparison.Ordinal);
        Assert.Equal(expected, written);
    }
}
