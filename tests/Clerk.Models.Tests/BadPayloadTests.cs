using System.Text.Json;
using Xunit;

namespace Clerk.Models.Tests;

/// <summary>Payloads that break the spec give a JsonException that says where and what.</summary>
public sealed class BadPayloadTests
{
    [Theory]
    [InlineData("bad-wrong-type-created-at.json", "$.email_addresses[0].created_at", "number")]
    [InlineData("bad-missing-required.json", "$.email_addresses[1]", "email_address")]
    [InlineData("bad-null-required.json", "$.phone_numbers[0].phone_number", "Null")]
    [InlineData("bad-float-for-integer.json", "$.last_sign_in_at", "1716883200000.5")]
    [InlineData("bad-string-for-bool.json", "$.banned", "String")]
    public void Bad_payload_throws_with_path_and_reason(string fileName, string path, string reasonFragment)
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<User>(Payloads.Read(fileName)));

        Assert.Equal(path, exception.Path);
        Assert.Contains(path, exception.Message);
        Assert.Contains(reasonFragment, exception.Message);
    }

    [Fact]
    public void Array_where_an_object_is_expected_names_the_member()
    {
        var json = Payloads.Read("user-typical.json").Replace("\"saml_connection\": {", "\"saml_connection\": [{");
        json = json.Insert(json.IndexOf('}', json.IndexOf("\"saml_connection\"")) + 1, "]");

        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<User>(json));

        Assert.Equal("$.saml_accounts[0].saml_connection", exception.Path);
        Assert.Contains("StartArray", exception.Message);
    }

    [Fact]
    public void Truncated_json_throws_with_the_path_of_the_unfinished_member()
    {
        var exception = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<User>(Payloads.Read("bad-truncated.json")));

        Assert.StartsWith("$.email_addresses[1]", exception.Path);
    }

    [Fact]
    public void Missing_required_member_names_the_member()
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<EmailAddress>("""{"object":"email_address","reserved":false}"""));

        Assert.Equal("$", exception.Path);
        Assert.Contains("'email_address'", exception.Message);
    }
}
