using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Clerk.Models.Testing;
using Xunit;

namespace Clerk.Models.Tests;

/// <summary>
/// Clerk's real payloads (tests/Payloads/clerk: its documentation's examples and its SDKs' fixtures)
/// omit members the 2025-03-12 spec requires. Read with <c>RequiredMembers=lenient</c>
/// (<c>Clerk.Models.Lenient</c>), they read and write back exactly; read with the default
/// <c>enforce</c> (<c>Clerk.Models</c>), they are refused at the member that is missing.
/// </summary>
public sealed class LenientReadingTests
{
    /// <summary>Every user in tests/Payloads/clerk, and the user inside each webhook event.</summary>
    public static TheoryData<string> ClerkUsers => new()
    {
        "user-created-docs.json",
        "user-current.json",
        "user-js-backend-fixture.json",
        "user-js-backend-fixture-old.json",
        "user-go-sdk-v1-fixture.json",
        "user-phone-web3-passkey.json",
        "user-saml.json",
        "webhook-user-created-docs.json#data",
        "webhook-user-created.json#data",
        "webhook-user-updated.json#data",
        "users-ruby-sdk-fixture.json#0",
        "users-ruby-sdk-fixture.json#1",
    };

    [Theory]
    [MemberData(nameof(ClerkUsers))]
    public void Clerk_users_read_leniently_and_write_back_exactly(string source)
    {
        var json = ClerkPayload(source);

        var user = JsonSerializer.Deserialize(json, Lenient.ClerkUserLenientJson.Default.User)!;
        var written = JsonSerializer.Serialize(user, Lenient.ClerkUserLenientJson.Default.User);

        JsonAssert.Equal(json, written);
        var again = JsonSerializer.Deserialize(written, Lenient.ClerkUserLenientJson.Default.User)!;
        Assert.Equal(user, again);
        Assert.Equal(user.GetHashCode(), again.GetHashCode());
    }

    [Theory]
    [InlineData("user-created-docs.json", "Missing required property 'attempts'.", "$.email_addresses[0].verification")]
    [InlineData("webhook-user-created-docs.json#data", "Missing required property 'attempts'.", "$.email_addresses[0].verification")]
    [InlineData("user-js-backend-fixture-old.json", "Missing required property 'expire_at'.", "$.email_addresses[0].verification")]
    [InlineData("user-go-sdk-v1-fixture.json", "Missing required property 'expire_at'.", "$.email_addresses[0].verification")]
    [InlineData("users-ruby-sdk-fixture.json#0", "Missing required property 'reserved'.", "$.email_addresses[0]")]
    [InlineData("user-saml.json", "Null is not allowed here.", "$.saml_accounts[0].verification.expire_at")]
    public void The_same_users_are_refused_when_required_members_are_enforced(string source, string message, string path)
    {
        var json = ClerkPayload(source);

        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<User>(json));

        Assert.Equal(message + " Path: " + path + ".", ex.Message);
        Assert.Equal(path, ex.Path);
    }

    [Fact]
    public void A_required_member_the_payload_omits_is_absent_and_is_not_written()
    {
        // Clerk's documented user.created example: the email has no 'reserved', its ticket verification no 'attempts' or 'expire_at'.
        var user = JsonSerializer.Deserialize(ClerkPayload("user-created-docs.json"), Lenient.ClerkUserLenientJson.Default.User)!;

        var email = user.EmailAddresses!.Single();
        Assert.Null(email.Reserved);
        Assert.False(email.IsPresent(Lenient.EmailAddress.JsonMember.Reserved));
        Assert.False(email.IsPresent(Lenient.EmailAddress.JsonMember.CreatedAt));
        var ticket = Assert.IsType<Lenient.EmailAddressVerification.Ticket>(email.Verification).Value;
        Assert.Equal(Lenient.TicketStatus.Verified, ticket.Status);
        Assert.Null(ticket.ExpireAt);
        Assert.False(ticket.IsPresent(Lenient.Ticket.JsonMember.ExpireAt));
        Assert.False(ticket.IsPresent(Lenient.Ticket.JsonMember.Attempts));

        var written = JsonNode.Parse(JsonSerializer.Serialize(email, Lenient.ClerkUserLenientJson.Default.EmailAddress))!.AsObject();
        Assert.False(written.ContainsKey("reserved"));
        Assert.Equal("{\"status\":\"verified\",\"strategy\":\"ticket\"}", written["verification"]!.ToJsonString());
    }

    [Fact]
    public void A_required_member_sent_as_null_is_present_and_written_back_as_null()
    {
        // The SAML verification's 'expire_at' is a required, non-nullable integer in the spec; Clerk sends null.
        var user = JsonSerializer.Deserialize(ClerkPayload("user-saml.json"), Lenient.ClerkUserLenientJson.Default.User)!;

        var saml = Assert.IsType<Lenient.SAMLAccountVerification.SAML>(user.SamlAccounts!.Single().Verification).Value;
        Assert.Null(saml.ExpireAt);
        Assert.True(saml.IsPresent(Lenient.SAML.JsonMember.ExpireAt));
        Assert.Contains("\"expire_at\":null", JsonSerializer.Serialize(saml, Lenient.ClerkUserLenientJson.Default.SAML));
    }

    [Fact]
    public void Lenient_reading_still_refuses_a_value_of_the_wrong_kind()
    {
        // An old fixture sends created_at as an ISO string: absent or null would be fine, a string is not.
        var json = ClerkPayload("user-go-sdk-v1-fixture-2021.json");

        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, Lenient.ClerkUserLenientJson.Default.User));

        Assert.Equal("$.created_at", ex.Path);
    }

    [Fact]
    public void A_leniently_read_record_can_drop_a_required_member_and_build_one_without_it()
    {
        var otp = new Lenient.OTP
        {
            Status = Lenient.OTPStatus.Verified,
            Strategy = Lenient.OTPStrategy.EmailCode,
            Attempts = 1,
            ExpireAt = 1_716_912_000_000,
        };

        var withoutExpiry = otp.Without(Lenient.OTP.JsonMember.ExpireAt);

        Assert.False(withoutExpiry.IsPresent(Lenient.OTP.JsonMember.ExpireAt));
        Assert.Equal(
            "{\"status\":\"verified\",\"strategy\":\"email_code\",\"attempts\":1}",
            JsonSerializer.Serialize(withoutExpiry, Lenient.ClerkUserLenientJson.Default.OTP));

        // With enforce, a required member cannot be made absent.
        var enforced = new OTP { Status = OTPStatus.Verified, Strategy = OTPStrategy.EmailCode, Attempts = 1, ExpireAt = 2 };
        Assert.Throws<System.ArgumentOutOfRangeException>(() => enforced.Without(OTP.JsonMember.ExpireAt));
    }

    /// <summary>A file of tests/Payloads/clerk, or one value inside it: <c>file.json#data</c>, <c>file.json#0</c>.</summary>
    private static string ClerkPayload(string source)
    {
        var parts = source.Split('#');
        var json = Payloads.Read("clerk/" + parts[0]);
        if (parts.Length == 1)
        {
            return json;
        }

        var root = JsonNode.Parse(json)!;
        var inner = int.TryParse(parts[1], out var index) ? root[index] : root[parts[1]];
        return inner!.ToJsonString();
    }
}
