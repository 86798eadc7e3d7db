using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using Clerk.Models.Runtime.Serialization;
using Xunit;

namespace Clerk.Models.Runtime.Tests;

/// <summary>ObjectReader as generated converters use it (<see cref="TestEmailAddress.ReadValue"/>).</summary>
public class ObjectReaderTests
{
    private const string Email =
        "{\"id\":\"idn_2x\",\"email_address\":\"ada@example.com\",\"strategy\":\"email_code\",\"created_at\":1714566600123}";

    private static readonly JsonSerializerOptions s_options = new() { Converters = { new TestEmailAddress.JsonConverter() } };

    private static JsonException ThrowsExactly(string json, bool isFinalBlock = true)
        => Assert.IsType<JsonException>(TestJson.Catch(json, TestEmailAddress.ReadValue, isFinalBlock));

    [Fact]
    public void Declared_members_are_read_into_their_places()
    {
        var value = TestJson.Read(Email, TestEmailAddress.ReadValue);

        Assert.Equal("idn_2x", value.Id);
        Assert.Equal("ada@example.com", value.EmailAddress);
        Assert.Same(Strategy.EmailCode, value.Strategy);
        Assert.Equal(1714566600123, value.CreatedAt);
        Assert.Equal(0b1111UL, value.Present);
        Assert.Null(value.Unknown);
    }

    [Fact]
    public void The_reader_is_left_on_the_end_of_the_object()
    {
        var json = Encoding.UTF8.GetBytes("[" + Email + ",\"next\"]");
        var reader = new Utf8JsonReader(json);
        reader.Read();
        reader.Read();

        TestEmailAddress.ReadValue(ref reader);

        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
        Assert.Equal(Email.Length + 1, reader.BytesConsumed);
        Assert.True(reader.Read());
        Assert.Equal("next", reader.GetString());
    }

    [Fact]
    public void Members_are_matched_in_any_order_escaped_and_across_segments()
    {
        const string Json = "{\"created_at\":5,\"str\\u0061tegy\":\"from_oauth_google\",\"\\u0069d\":\"idn_1\",\"two words\":7,\"reserved\":true}";

        foreach (var chunk in new[] { 0, 1, 2, 3, 7, 64 })
        {
            var value = chunk == 0
                ? TestJson.Read(Json, TestEmailAddress.ReadValue)
                : TestJson.ReadSegmented(Json, chunk, TestEmailAddress.ReadValue);

            Assert.Equal("idn_1", value.Id);
            Assert.Same(Strategy.FromOAuthGoogle, value.Strategy);
            Assert.Equal(5, value.CreatedAt);
            Assert.Equal(7, value.TwoWords);
            Assert.True(value.Reserved);
            Assert.Null(value.EmailAddress);
            Assert.Equal(0b111101UL, value.Present);
            Assert.Null(value.Unknown);
        }
    }

    [Fact]
    public void Objects_whose_member_order_changes_from_one_to_the_next_are_each_read_exactly()
    {
        // Each name is first compared with the member that followed the previous one in the last
        // object read; these orders make that guess wrong, then right, then wrong again.
        string[] objects =
        {
            Email,
            "{\"created_at\":3,\"strategy\":\"email_code\",\"email_address\":\"b@example.com\",\"id\":\"idn_3\"}",
            "{\"id\":\"idn_4\",\"extra\":[1],\"email_address\":\"c@example.com\",\"created_at\":4}",
            "{\"created_at\":5,\"strategy\":\"email_code\",\"email_address\":\"d@example.com\",\"id\":\"idn_5\"}",
            "{\"email_address\":\"e@example.com\",\"created_at\":6,\"id\":\"idn_6\"}",
            Email,
        };

        for (var round = 0; round < 3; round++)
        {
            var first = TestJson.Read(objects[0], TestEmailAddress.ReadValue);
            Assert.Equal(("idn_2x", "ada@example.com", 1714566600123L, 0b1111UL), (first.Id, first.EmailAddress, first.CreatedAt, first.Present));

            var reversed = TestJson.Read(objects[1], TestEmailAddress.ReadValue);
            Assert.Equal(("idn_3", "b@example.com", 3L, 0b1111UL), (reversed.Id, reversed.EmailAddress, reversed.CreatedAt, reversed.Present));

            var withUnknown = TestJson.Read(objects[2], TestEmailAddress.ReadValue);
            Assert.Equal(("idn_4", "c@example.com", 4L, 0b1011UL), (withUnknown.Id, withUnknown.EmailAddress, withUnknown.CreatedAt, withUnknown.Present));
            Assert.Equal("[1]", withUnknown.Unknown!["extra"].ToString());

            var again = TestJson.Read(objects[3], TestEmailAddress.ReadValue);
            Assert.Equal(("idn_5", "d@example.com", 5L, 0b1111UL), (again.Id, again.EmailAddress, again.CreatedAt, again.Present));

            var two = TestJson.Read(objects[4], TestEmailAddress.ReadValue);
            Assert.Equal(("idn_6", "e@example.com", 6L, 0b1011UL), (two.Id, two.EmailAddress, two.CreatedAt, two.Present));

            var last = TestJson.Read(objects[5], TestEmailAddress.ReadValue);
            Assert.Equal((first.Id, first.EmailAddress, first.Strategy, first.CreatedAt, first.Present), (last.Id, last.EmailAddress, last.Strategy, last.CreatedAt, last.Present));
        }
    }

    [Fact]
    public void Unknown_members_are_kept_in_order_with_their_exact_text()
    {
        const string Json =
            "{\"object\":\"email_address\",\"id\":\"idn_1\",\"verification\":{\"status\":\"verified\",\"attempts\":null}," +
            "\"created_at\":1,\"linked_to\":[ ],\"caf\\u00e9\":\"caf\\u00e9\",\"n\":1.50e+3}";

        var value = TestJson.Read(Json, TestEmailAddress.ReadValue);

        Assert.NotNull(value.Unknown);
        Assert.Equal(new[] { "object", "verification", "linked_to", "café", "n" }, value.Unknown!.Keys);
        Assert.Equal("\"email_address\"", value.Unknown["object"].ToString());
        Assert.Equal("{\"status\":\"verified\",\"attempts\":null}", value.Unknown["verification"].ToString());
        Assert.Equal("[]", value.Unknown["linked_to"].ToString());
        Assert.Equal("\"caf\\u00e9\"", value.Unknown["café"].ToString());
        Assert.Equal("1.50e+3", value.Unknown["n"].ToString());
        Assert.Equal("idn_1", value.Id);
        Assert.Equal(0b1001UL, value.Present);
    }

    [Fact]
    public void For_a_repeated_unknown_name_the_last_value_wins_in_the_first_position()
    {
        var value = TestJson.Read(
            "{\"x\":1,\"id\":\"idn_1\",\"y\":2,\"x\":3,\"created_at\":0,\"x\":{\"last\":true}}",
            TestEmailAddress.ReadValue);

        Assert.Equal(new[] { "x", "y" }, value.Unknown!.Keys);
        Assert.Equal("{\"last\":true}", value.Unknown["x"].ToString());
        Assert.Equal("2", value.Unknown["y"].ToString());
    }

    [Fact]
    public void Many_unknown_members_are_all_kept()
    {
        var json = "{\"id\":\"a\",\"created_at\":0," + string.Join(",", Enumerable.Range(0, 200).Select(i => "\"m" + i + "\":" + i)) + "}";

        var value = TestJson.Read(json, TestEmailAddress.ReadValue);

        Assert.Equal(200, value.Unknown!.Count);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => "m" + i), value.Unknown.Keys);
        Assert.Equal("199", value.Unknown["m199"].ToString());
    }

    [Fact]
    public void TakeUnknown_is_null_without_unknown_members()
    {
        Assert.Null(TestJson.Read("{\"id\":\"a\",\"created_at\":0}", TestEmailAddress.ReadValue).Unknown);
        Assert.Null(TestJson.Read("{}", TestUser.ReadValue).Unknown);
    }

    [Theory]
    [InlineData("[]", "Expected an object but found StartArray. Path: $.")]
    [InlineData("\"idn_1\"", "Expected an object but found String. Path: $.")]
    [InlineData("1", "Expected an object but found Number. Path: $.")]
    [InlineData("true", "Expected an object but found True. Path: $.")]
    [InlineData("null", "Null is not allowed here. Path: $.")]
    public void A_token_that_does_not_start_an_object_is_refused(string json, string message)
    {
        var ex = ThrowsExactly(json);

        Assert.Equal(message, ex.Message);
        Assert.Equal("$", ex.Path);
    }

    [Theory]
    [InlineData("{\"id\":1}", "Expected a string but found Number. Path: $.id.", "$.id")]
    [InlineData("{\"id\":\"a\",\"created_at\":\"2024\"}", "Expected a number but found String. Path: $.created_at.", "$.created_at")]
    [InlineData("{\"created_at\":1.5}", "Expected an integer that fits in Int64 but found 1.5. Path: $.created_at.", "$.created_at")]
    [InlineData("{\"id\":null}", "Null is not allowed here. Path: $.id.", "$.id")]
    [InlineData("{\"reserved\":\"yes\"}", "Expected a boolean but found String. Path: $.reserved.", "$.reserved")]
    [InlineData("{\"two words\":[]}", "Expected a number but found StartArray. Path: $['two words'].", "$['two words']")]
    [InlineData("{\"strategy\":7}", "Expected a string but found Number. Path: $.strategy.", "$.strategy")]
    [InlineData("{\"str\\u0061tegy\":null}", "Null is not allowed here. Path: $.strategy.", "$.strategy")]
    public void An_error_in_a_declared_members_value_carries_its_name(string json, string message, string path)
    {
        var ex = ThrowsExactly(json);

        Assert.Equal(message, ex.Message);
        Assert.Equal(path, ex.Path);
    }

    [Fact]
    public void An_error_in_an_unknown_members_value_carries_its_name()
    {
        var invalidUtf8 = Encoding.UTF8.GetBytes("{\"id\":\"a\",\"public_metadata\":{\"plan\":\"pro\"},\"it's\":\"x\"}");
        invalidUtf8[^3] = 0xFF;
        var reader = new Utf8JsonReader(invalidUtf8);
        reader.Read();
        JsonException? invalid = null;
        try
        {
            TestEmailAddress.ReadValue(ref reader);
        }
        catch (JsonException ex)
        {
            invalid = ex;
        }

        var truncated = ThrowsExactly("{\"id\":\"a\",\"verification\":{\"attempts\":[1,", isFinalBlock: false);
        var malformed = ThrowsExactly("{\"id\":\"a\",\"verification\":{\"status\" \"verified\"}}");

        Assert.NotNull(invalid);
        Assert.Equal("The string is not valid UTF-8. Path: $['it\\'s'].", invalid!.Message);
        Assert.Equal("$['it\\'s']", invalid.Path);
        Assert.Equal("The JSON value is incomplete: the reader ran out of data. Path: $.verification.", truncated.Message);
        Assert.Equal("$.verification", truncated.Path);
        Assert.Equal("$.verification", malformed.Path);
        Assert.IsAssignableFrom<JsonException>(malformed.InnerException);
        Assert.Equal(malformed.InnerException!.Message + " Path: $.verification.", malformed.Message);
    }

    [Theory]
    [InlineData("{\"id\":\"a\",\"created_at\":")]
    [InlineData("{\"id\":\"a\",\"created_at\":1")] // more digits may follow
    public void A_value_cut_off_after_its_name_is_the_members_error(string json)
    {
        var ex = ThrowsExactly(json, isFinalBlock: false);

        Assert.Equal("The JSON value is incomplete: the reader ran out of data. Path: $.created_at.", ex.Message);
        Assert.Equal("$.created_at", ex.Path);
    }

    [Fact]
    public void Invalid_utf8_in_a_declared_string_is_the_members_error()
    {
        var json = Encoding.UTF8.GetBytes("{\"created_at\":1,\"email_address\":\"ada@example.com\"}");
        json[^4] = 0xC3;
        var reader = new Utf8JsonReader(json);
        reader.Read();
        JsonException? caught = null;
        try
        {
            TestEmailAddress.ReadValue(ref reader);
        }
        catch (JsonException ex)
        {
            caught = ex;
        }

        Assert.NotNull(caught);
        Assert.Equal("$.email_address", caught!.Path);
        Assert.IsType<InvalidOperationException>(caught.InnerException);
        Assert.EndsWith(" Path: $.email_address.", caught.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"id\":\"a\",")]
    [InlineData("{\"id\":\"a\"")]
    [InlineData("{\"id\":\"a\",\"created_at\":1 ")]
    [InlineData("{\"id\":\"a\",\"created_at\"")] // a name is read with its colon
    [InlineData("{")]
    public void Data_that_runs_out_between_members_is_the_objects_error(string json)
    {
        var ex = ThrowsExactly(json, isFinalBlock: false);

        Assert.Equal("The JSON value is incomplete: the reader ran out of data. Path: $.", ex.Message);
        Assert.Equal("$", ex.Path);
    }

    [Theory]
    [InlineData("{\"id\":\"a\",")]
    [InlineData("{\"id\":\"a\" \"created_at\":2}")]
    [InlineData("{\"id\":\"a\",}")]
    [InlineData("{\"id\":\"a\",\"created_at\" 2}")]
    [InlineData("{\"id\":\"a\"]")]
    public void Malformed_json_between_members_is_not_blamed_on_the_previous_member(string json)
    {
        // Read directly, the reader's own exception comes out unchanged: it names no member.
        var direct = Assert.IsAssignableFrom<JsonException>(TestJson.Catch(json, TestEmailAddress.ReadValue));
        Assert.NotEqual(typeof(JsonException), direct.GetType());
        Assert.Null(direct.Path);
        Assert.DoesNotContain("$.id", direct.Message, StringComparison.Ordinal);

        // In a list, the element gets the path; through the serializer, the root.
        var inList = Assert.IsType<JsonException>(TestJson.Catch("[" + json, (ref Utf8JsonReader r) => JsonRead.List<TestEmailAddress, TestEmailAddress.Direct>(ref r, s_options)));
        Assert.Equal("$[0]", inList.Path);
        Assert.Equal(inList.InnerException!.Message + " Path: $[0].", inList.Message);
        Assert.Equal(direct.GetType(), inList.InnerException.GetType());

        var serialized = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<TestEmailAddress>(json, s_options));
        Assert.Equal("$", serialized.Path);
    }

    [Fact]
    public void Invalid_utf8_in_an_unknown_members_name_is_the_objects_error()
    {
        var json = Encoding.UTF8.GetBytes("[{\"id\":\"a\",\"xy\":1}]");
        json[13] = 0xFF;
        var reader = new Utf8JsonReader(json);
        reader.Read();
        JsonException? inList = null;
        try
        {
            JsonRead.List<TestEmailAddress, TestEmailAddress.Direct>(ref reader, s_options);
        }
        catch (JsonException ex)
        {
            inList = ex;
        }

        var serialized = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<TestEmailAddress>(json.AsSpan(1, json.Length - 2), s_options));

        Assert.NotNull(inList);
        Assert.Equal("$[0]", inList!.Path);
        Assert.IsType<InvalidOperationException>(inList.InnerException);
        Assert.Equal("$", serialized.Path);
    }

    [Fact]
    public void Every_segmentation_reads_the_same_record()
    {
        const string Json =
            "{\"object\":\"email_address\",\"id\":\"idn_2x\",\"email_address\":\"ada@example.com\",\"reserved\":false,"
            + "\"verification\":{\"status\":\"verified\",\"strategy\":\"from_oauth_google\",\"attempts\":null,\"expire_at\":1714566600123},"
            + "\"linked_to\":[{\"type\":\"oauth_google\",\"id\":\"idn_3\"}],\"str\\u0061tegy\":\"email_code\",\"two words\":-7,"
            + "\"created_at\":1714566600123,\"matches_sso_connection\":true}";
        var whole = TestJson.Read(Json, TestEmailAddress.ReadValue);
        var expected = TestJson.Write(w => TestEmailAddress.WriteValue(w, whole));

        for (var chunk = 1; chunk <= 40; chunk++)
        {
            var value = TestJson.ReadSegmented(Json, chunk, TestEmailAddress.ReadValue);

            Assert.Equal(expected, TestJson.Write(w => TestEmailAddress.WriteValue(w, value)));
            Assert.Same(Strategy.EmailCode, value.Strategy);
        }

        Assert.Equal(new[] { "object", "verification", "linked_to", "matches_sso_connection" }, whole.Unknown!.Keys);
    }

    [Fact]
    public void Errors_in_nested_records_carry_the_whole_path()
    {
        const string Json =
            "{\"id\":\"user_1\",\"email_addresses\":[" + Email + ",{\"id\":\"idn_3\",\"created_at\":\"yesterday\"}]}";

        var ex = Assert.IsType<JsonException>(TestJson.Catch(Json, TestUser.ReadValue));
        var missing = Assert.IsType<JsonException>(TestJson.Catch("{\"email_addresses\":[" + Email + ",{\"id\":\"idn_3\"}]}", TestUser.ReadValue));
        var serialized = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<TestEmailAddress>("{\"id\":7}", s_options));

        Assert.Equal("Expected a number but found String. Path: $.email_addresses[1].created_at.", ex.Message);
        Assert.Equal("$.email_addresses[1].created_at", ex.Path);
        Assert.Equal("Missing required property 'created_at'. Path: $.email_addresses[1].", missing.Message);
        Assert.Equal(typeof(JsonException), serialized.GetType());
        Assert.Equal("Expected a string but found Number. Path: $.id.", serialized.Message);
    }

    [Fact]
    public void Nested_records_and_maps_are_read_completely()
    {
        const string Json =
            "{\"id\":\"user_1\",\"primary_email_address_id\":\"idn_2x\",\"email_addresses\":[" + Email + "],"
            + "\"public_metadata\":{\"plan\":\"pro\",\"seats\":3},\"banned\":false}";

        var user = TestJson.Read(Json, TestUser.ReadValue);

        Assert.Equal("user_1", user.Id);
        Assert.Equal("idn_2x", user.PrimaryEmailAddressId);
        Assert.Equal("ada@example.com", Assert.Single(user.EmailAddresses!).EmailAddress);
        Assert.Equal("\"pro\"", user.PublicMetadata!["plan"].ToString());
        Assert.Equal("false", user.Unknown!["banned"].ToString());
    }

    [Fact]
    public void Exceptions_that_are_not_read_failures_pass_unchanged()
    {
        var json = Encoding.UTF8.GetBytes("{\"id\":\"a\"}");
        var reader = new Utf8JsonReader(json);
        reader.Read();
        var members = new ObjectReader(ref reader, TestEmailAddress.Names);
        try
        {
            Assert.True(members.Next(ref reader, out var member));
            Assert.Equal(0, member);

            Assert.True(members.IsMemberFailure(JsonReadError.NullNotAllowed()));
            Assert.True(members.IsMemberFailure(new FormatException()));
            Assert.False(members.IsMemberFailure(new NullReferenceException()));
            Assert.False(members.IsMemberFailure(new ArgumentException()));

            var wrapped = members.AtMember(new FormatException("Bad."));
            Assert.Equal("Bad. Path: $.id.", wrapped.Message);

            Assert.False(members.Next(ref reader, out _));
            Assert.False(members.IsMemberFailure(JsonReadError.NullNotAllowed()));
            Assert.Null(members.TakeUnknown());
        }
        finally
        {
            members.Dispose();
        }
    }

    [Fact]
    public void Next_gives_the_declared_members_and_keeps_the_others_in_between()
    {
        var json = Encoding.UTF8.GetBytes("{\"created_at\":1,\"extra\":[1,2],\"more\":{\"a\":null},\"id\":\"a\"}");
        var reader = new Utf8JsonReader(json);
        reader.Read();
        var members = new ObjectReader(ref reader, TestEmailAddress.Names);
        try
        {
            Assert.True(members.Next(ref reader, out var first));
            Assert.Equal(3, first);
            Assert.Equal(JsonTokenType.Number, reader.TokenType);

            // The two unknown members are skipped over and kept: Next lands on the value of "id".
            Assert.True(members.Next(ref reader, out var second));
            Assert.Equal(0, second);
            Assert.Equal("a", reader.GetString());

            Assert.False(members.Next(ref reader, out _));
            Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
            var unknown = members.TakeUnknown()!;
            Assert.Equal(new[] { "extra", "more" }, unknown.Keys);
            Assert.Equal("[1,2]", unknown["extra"].ToString());
            Assert.Equal("{\"a\":null}", unknown["more"].ToString());
        }
        finally
        {
            members.Dispose();
        }
    }

    [Fact]
    public void Required_members_that_are_all_present_throw_nothing()
    {
        var names = new JsonMemberNames("id", "email_address", "created_at");

        ObjectReader.ThrowIfMissing(0b101, 0b101, 0, names);
        ObjectReader.ThrowIfMissing(0b111, 0b101, 0, names);
        ObjectReader.ThrowIfMissing(0, 0, 0, names);
        ObjectReader.ThrowIfMissing(ulong.MaxValue, 0b111, 0, names);
        Assert.Equal(0b1001UL, TestJson.Read("{\"created_at\":0,\"id\":\"a\"}", TestEmailAddress.ReadValue).Present);
    }

    [Theory]
    [InlineData(0b000UL, 0b101UL, "id")]
    [InlineData(0b001UL, 0b111UL, "email_address")]
    [InlineData(0b011UL, 0b101UL, "created_at")]
    [InlineData(0b010UL, 0b110UL, "created_at")]
    [InlineData(0b100UL, 0b111UL, "id")]
    public void The_first_missing_member_in_declaration_order_is_named(ulong present, ulong required, string name)
    {
        var names = new JsonMemberNames("id", "email_address", "created_at");

        var ex = Assert.Throws<JsonException>(() => ObjectReader.ThrowIfMissing(present, required, 0, names));

        Assert.Equal("Missing required property '" + name + "'. Path: $.", ex.Message);
        Assert.Equal("$", ex.Path);
    }

    [Fact]
    public void Presence_words_after_the_first_count_from_member_64()
    {
        var names = new JsonMemberNames(Enumerable.Range(0, 140).Select(i => "m" + i).ToArray());

        var secondWord = Assert.Throws<JsonException>(() => ObjectReader.ThrowIfMissing(1UL << 3, (1UL << 3) | (1UL << 5) | (1UL << 9), 1, names));
        var lastBit = Assert.Throws<JsonException>(() => ObjectReader.ThrowIfMissing(0, 1UL << 63, 0, names));
        var thirdWord = Assert.Throws<JsonException>(() => ObjectReader.ThrowIfMissing(0, 1UL << 11, 2, names));
        ObjectReader.ThrowIfMissing(1UL << 11, 1UL << 11, 2, names);

        Assert.Equal("Missing required property 'm69'. Path: $.", secondWord.Message);
        Assert.Equal("Missing required property 'm63'. Path: $.", lastBit.Message);
        Assert.Equal("Missing required property 'm139'. Path: $.", thirdWord.Message);
    }

    [Fact]
    public void A_record_without_its_required_members_names_the_first_one()
    {
        var neither = ThrowsExactly("{\"email_address\":\"ada@example.com\"}");
        var noCreatedAt = ThrowsExactly("{\"id\":\"a\",\"created_at_ms\":1}");

        Assert.Equal("Missing required property 'id'. Path: $.", neither.Message);
        Assert.Equal("Missing required property 'created_at'. Path: $.", noCreatedAt.Message);
    }
}
