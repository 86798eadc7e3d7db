using System;
using System.Text;
using System.Text.Json;
using Clerk.Models.Runtime.Serialization;
using Xunit;

namespace Clerk.Models.Runtime.Tests;

/// <summary>Reading and writing string enums through their StringEnumValues table.</summary>
public class StringEnumValuesTests
{
    private static readonly JsonSerializerOptions s_options = JsonSerializerOptions.Default;

    private static Strategy ReadStrategy(ref Utf8JsonReader reader) => default(Strategy.Direct).Read(ref reader, s_options);

    private static string Write(Strategy value) => TestJson.Write(w => default(Strategy.Direct).Write(w, value, s_options));

    [Fact]
    public void Known_values_are_read_as_their_shared_instances()
    {
        Assert.Same(Strategy.EmailCode, TestJson.Read("\"email_code\"", ReadStrategy));
        Assert.Same(Strategy.FromOAuthGoogle, TestJson.Read("\"from_oauth_google\"", ReadStrategy));
        Assert.Same(Strategy.Quoted, TestJson.Read("\"saml:\\\"okta\\\" <sso>\"", ReadStrategy));
        Assert.Same(SessionStatus.Active, TestJson.Read("\"active\"", SessionStatus.ReadValue));
    }

    [Fact]
    public void Escaped_known_values_are_read_as_their_shared_instances()
    {
        Assert.Same(SessionStatus.Active, TestJson.Read("\"\\u0061ctive\"", SessionStatus.ReadValue));
        Assert.Same(Strategy.FromOAuthGoogle, TestJson.Read("\"from_\\u006fauth_google\"", ReadStrategy));
        Assert.Same(Strategy.Quoted, TestJson.Read("\"saml:\\u0022okta\\u0022 \\u003Csso\\u003E\"", ReadStrategy));
    }

    [Fact]
    public void Values_split_across_segments_are_read()
    {
        foreach (var chunk in new[] { 1, 2, 3, 5, 8 })
        {
            Assert.Same(Strategy.FromOAuthGoogle, TestJson.ReadSegmented("\"from_oauth_google\"", chunk, ReadStrategy));
            Assert.Same(SessionStatus.Active, TestJson.ReadSegmented("\"\\u0061ctive\"", chunk, SessionStatus.ReadValue));
            Assert.Equal("from_oauth_github", TestJson.ReadSegmented("\"from_oauth_github\"", chunk, ReadStrategy).Value);
        }
    }

    [Fact]
    public void Unknown_values_are_kept()
    {
        var github = TestJson.Read("\"from_oauth_github\"", ReadStrategy);
        var upper = TestJson.Read("\"EMAIL_CODE\"", ReadStrategy);
        var escaped = TestJson.Read("\"caf\\u00e9\"", ReadStrategy);
        var empty = TestJson.Read("\"\"", ReadStrategy);

        Assert.False(github.IsKnown);
        Assert.Equal("from_oauth_github", github.Value);
        Assert.False(upper.IsKnown);
        Assert.Equal("EMAIL_CODE", upper.Value);
        Assert.Equal("café", escaped.Value);
        Assert.False(empty.IsKnown);
        Assert.Equal(string.Empty, empty.Value);
    }

    [Theory]
    [InlineData("1", "Expected a string but found Number. Path: $.")]
    [InlineData("{}", "Expected a string but found StartObject. Path: $.")]
    [InlineData("[\"email_code\"]", "Expected a string but found StartArray. Path: $.")]
    [InlineData("true", "Expected a string but found True. Path: $.")]
    [InlineData("null", "Null is not allowed here. Path: $.")]
    public void Other_tokens_are_refused(string json, string message)
    {
        var ex = TestJson.Throws(json, ReadStrategy);

        Assert.Equal(message, ex.Message);
        Assert.Equal("$", ex.Path);
    }

    [Fact]
    public void A_wrong_token_in_a_list_or_a_record_carries_the_path()
    {
        var inList = TestJson.Throws("[\"email_code\",7]", (ref Utf8JsonReader r) => JsonRead.List<Strategy, Strategy.Direct>(ref r, s_options));
        var inRecord = TestJson.Throws("{\"id\":\"a\",\"strategy\":{}}", TestEmailAddress.ReadValue);

        Assert.Equal("Expected a string but found Number. Path: $[1].", inList.Message);
        Assert.Equal("Expected a string but found StartObject. Path: $.strategy.", inRecord.Message);
    }

    [Fact]
    public void Known_values_are_written_pre_encoded()
    {
        Assert.Equal("\"email_code\"", Write(Strategy.EmailCode));
        Assert.Equal("\"from_oauth_google\"", Write(Strategy.FromOAuthGoogle));
        Assert.Equal("\"saml:\\u0022okta\\u0022 \\u003Csso\\u003E\"", Write(Strategy.Quoted));
        Assert.Equal("\"active\"", TestJson.Write(w => SessionStatus.WriteValue(w, SessionStatus.From("active"))));
        Assert.Equal("\"expired\"", TestJson.Write(w => SessionStatus.WriteValue(w, SessionStatus.Expired)));
    }

    [Fact]
    public void Unknown_values_are_written_escaped()
    {
        Assert.Equal("\"from_oauth_github\"", Write(Strategy.From("from_oauth_github")));
        Assert.Equal("\"oauth_\\u0022custom\\u0022 \\u003Cx\\u003E\\\\\\n\\u00E9\"", Write(Strategy.From("oauth_\"custom\" <x>\\\n\u00e9")));
        Assert.Equal("\"\"", Write(Strategy.From(string.Empty)));

        // A value that equals a known one except for case stays as it was.
        Assert.Equal("\"Email_Code\"", Write(Strategy.From("Email_Code")));
    }

    [Fact]
    public void Written_values_read_back_equal()
    {
        foreach (var value in new[] { Strategy.EmailCode, Strategy.Quoted, Strategy.From("oauth_\"custom\" <x>\u00e9\u2028") })
        {
            var read = TestJson.Read(Write(value), ReadStrategy);

            Assert.Equal(value, read);
            Assert.Equal(value.IsKnown, read.IsKnown);
        }
    }

    [Fact]
    public void Values_written_in_a_record_or_list_follow_their_members()
    {
        var list = ValueList.Create(Strategy.PhoneCode, Strategy.From("web3_metamask_signature"));

        Assert.Equal(
            "[\"phone_code\",\"web3_metamask_signature\"]",
            TestJson.Write(w => JsonWrite.List<Strategy, Strategy.Direct>(w, list, s_options)));
        Assert.Equal(
            "{\"strategy\":\"email_code\"}",
            TestJson.WriteObject(w => JsonWrite.Member<Strategy, Strategy.Direct>(w, TestEmailAddress.Names[2], Strategy.EmailCode, s_options)));
    }

    [Fact]
    public void The_table_checks_its_arguments()
    {
        Assert.Throws<ArgumentNullException>(() => new StringEnumValues<SessionStatus>(null!, SessionStatus.Active));
        Assert.Throws<ArgumentNullException>(() => new StringEnumValues<SessionStatus>(SessionStatus.Unchecked, null!));

        // Refused before the instances are touched: the real table still writes them right.
        Assert.Throws<ArgumentException>(() => new StringEnumValues<SessionStatus>(SessionStatus.Unchecked, SessionStatus.Ended, SessionStatus.Ended));
        Assert.Equal("\"ended\"", TestJson.Write(w => SessionStatus.WriteValue(w, SessionStatus.Ended)));
    }

    [Fact]
    public void Reading_from_an_escaped_segmented_buffer_matches_reading_plain_text()
    {
        var json = Encoding.UTF8.GetBytes("[\"\\u0065mail_code\",\"phone_code\",\"sam\\u006c\"]");
        var reader = new Utf8JsonReader(TestJson.Segmented(json, 4));
        reader.Read();

        var list = JsonRead.List<Strategy, Strategy.Direct>(ref reader, s_options);

        Assert.Same(Strategy.EmailCode, list[0]);
        Assert.Same(Strategy.PhoneCode, list[1]);
        Assert.Equal("saml", list[2].Value);
        Assert.False(list[2].IsKnown);
    }
}
