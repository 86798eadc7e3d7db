using System.Linq;
using System.Text.Json;
using Clerk.Models.Testing;
using Xunit;

namespace Clerk.Models.Tests;

/// <summary>Real-shaped Clerk payloads read into the generated records and written back exactly.</summary>
public sealed class RoundTripTests
{
    [Theory]
    [InlineData("user-typical.json")]
    [InlineData("user-minimal.json")]
    [InlineData("user-all-nulls.json")]
    [InlineData("user-all-absent.json")]
    [InlineData("user-unknown-members.json")]
    [InlineData("user-unknown-enum-values.json")]
    [InlineData("verification-fits-none.json")]
    [InlineData("verification-array.json")]
    public void User_payload_round_trips_exactly(string fileName)
    {
        var json = Payloads.Read(fileName);

        var user = JsonSerializer.Deserialize<User>(json)!;
        var written = JsonSerializer.Serialize(user);

        JsonAssert.Equal(json, written);
        var again = JsonSerializer.Deserialize<User>(written)!;
        Assert.Equal(user, again);
        Assert.Equal(user.GetHashCode(), again.GetHashCode());
    }

    [Fact]
    public void Page_of_users_round_trips_exactly()
    {
        var json = Payloads.Read("users-page.json");

        var users = JsonSerializer.Deserialize<User[]>(json)!;

        Assert.Equal(12, users.Length);
        JsonAssert.Equal(json, JsonSerializer.Serialize(users));
    }

    [Fact]
    public void Typical_user_has_its_typed_values()
    {
        var user = JsonSerializer.Deserialize<User>(Payloads.Read("user-typical.json"))!;

        Assert.Equal(UserObject.User, user.Object);
        Assert.True(user.Object!.IsKnown);
        Assert.StartsWith("user_", user.Id);
        Assert.Equal(4, user.EmailAddresses!.Count);
        Assert.Collection(
            user.EmailAddresses.Select(e => e.Verification),
            v => Assert.Equal(OTPStrategy.EmailCode, Assert.IsType<EmailAddressVerification.OTP>(v).Value.Strategy),
            v => Assert.Equal(AdminStrategy.Admin, Assert.IsType<EmailAddressVerification.Admin>(v).Value.Strategy),
            v => Assert.Equal("from_oauth_google", Assert.IsType<EmailAddressVerification.FromOAuth>(v).Value.Strategy),
            v => Assert.Equal(TicketStrategy.Ticket, Assert.IsType<EmailAddressVerification.Ticket>(v).Value.Strategy));
        Assert.IsType<PhoneNumberVerification.OTP>(user.PhoneNumbers!.Single().Verification);
        Assert.Null(user.PhoneNumbers![0].BackupCodes);
        Assert.True(user.PhoneNumbers[0].IsPresent(PhoneNumber.JsonMember.BackupCodes));
        Assert.IsType<Web3WalletVerification.Web3Signature>(user.Web3Wallets!.Single().Verification);
        Assert.Equal(PasskeyStrategy.Passkey, user.Passkeys!.Single().Verification!.Strategy);
        Assert.Collection(
            user.ExternalAccounts!,
            a => Assert.IsType<ExternalAccountWithVerificationVerification.Oauth>(a.Verification),
            a => Assert.IsType<ExternalAccountWithVerificationVerification.GoogleOneTap>(a.Verification));
        var saml = user.SamlAccounts!.Single();
        Assert.IsType<SAMLAccountVerification.SAML>(saml.Verification);
        Assert.False(string.IsNullOrEmpty(saml.SamlConnection!.Name));
        Assert.Equal(JsonValueKind.Object, user.PublicMetadata!.ValueKind);
        Assert.Contains("9007199254740993", user.PublicMetadata.ToString());
        Assert.Contains("東京", user.UnsafeMetadata!.ToString());
        Assert.True(user.LastSignInAt > 1_600_000_000_000);
    }

    [Fact]
    public void Null_members_are_null_and_present_and_written_as_null()
    {
        var user = JsonSerializer.Deserialize<User>(Payloads.Read("user-all-nulls.json"))!;

        Assert.Null(user.ExternalId);
        Assert.True(user.IsPresent(User.JsonMember.ExternalId));
        Assert.Null(user.PrivateMetadata);
        Assert.True(user.IsPresent(User.JsonMember.PrivateMetadata));
        Assert.Null(user.LastSignInAt);
        Assert.True(user.IsPresent(User.JsonMember.LastSignInAt));
        Assert.Contains("\"last_sign_in_at\":null", JsonSerializer.Serialize(user));
    }

    [Fact]
    public void Absent_members_stay_absent()
    {
        var user = JsonSerializer.Deserialize<User>(Payloads.Read("user-all-absent.json"))!;

        Assert.False(user.IsPresent(User.JsonMember.ExternalId));
        Assert.False(user.IsPresent(User.JsonMember.EmailAddresses));
        Assert.Null(user.EmailAddresses);
        Assert.True(user.IsPresent(User.JsonMember.Id));
        JsonAssert.Equal("{\"id\":\"" + user.Id + "\",\"object\":\"user\"}", JsonSerializer.Serialize(user));
    }

    [Fact]
    public void Unknown_members_are_kept_at_every_level()
    {
        var user = JsonSerializer.Deserialize<User>(Payloads.Read("user-unknown-members.json"))!;

        Assert.True(user.AdditionalProperties.ContainsKey("banned_until"));
        Assert.Equal(JsonValueKind.Array, user.AdditionalProperties["enterprise_accounts"].ValueKind);
        Assert.True(user.EmailAddresses![0].AdditionalProperties.ContainsKey("is_primary_hint"));
        Assert.True(user.ExternalAccounts![0].AdditionalProperties.ContainsKey("provider_profile_url"));
        Assert.Equal("true", user.SamlAccounts![0].SamlConnection!.AdditionalProperties["force_authn"].ToString());
    }

    [Fact]
    public void Unknown_enum_values_are_kept_as_they_were_sent()
    {
        var user = JsonSerializer.Deserialize<User>(Payloads.Read("user-unknown-enum-values.json"))!;

        var account = user.ExternalAccounts![0];
        Assert.Equal("oauth_account", account.Object.Value);
        Assert.False(account.Object.IsKnown);
        var oauth = user.ExternalAccounts.Select(a => a.Verification).OfType<ExternalAccountWithVerificationVerification.Oauth>().First().Value;
        Assert.Equal("locked", oauth.Status.Value);
        Assert.False(oauth.Status.IsKnown);
        Assert.NotEqual(OauthStatus.Verified, oauth.Status);
    }

    [Fact]
    public void A_verification_that_fits_no_alternative_is_kept_as_raw_json()
    {
        var json = Payloads.Read("verification-fits-none.json");
        var user = JsonSerializer.Deserialize<User>(json)!;

        var unknown = Assert.IsType<EmailAddressVerification.Unknown>(user.EmailAddresses![0].Verification);
        Assert.Contains("\"strategy\":\"email_link\"", unknown.Json.ToString());
        Assert.IsType<EmailAddressVerification.Unknown>(user.EmailAddresses[1].Verification);
        Assert.IsType<EmailAddressVerification.OTP>(user.EmailAddresses[2].Verification);
        var phone = Assert.IsType<PhoneNumberVerification.Unknown>(user.PhoneNumbers![0].Verification);
        Assert.Contains("sms_magic", phone.Json.ToString());
    }

    [Fact]
    public void Records_read_from_the_same_json_are_equal_with_equal_hash_codes()
    {
        var json = Payloads.Read("user-typical.json");

        var first = JsonSerializer.Deserialize<User>(json)!;
        var second = JsonSerializer.Deserialize<User>(json)!;

        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.Equal(first.EmailAddresses, second.EmailAddresses);
        Assert.Equal(first.PublicMetadata, second.PublicMetadata);
    }

    [Fact]
    public void A_changed_nested_value_breaks_equality()
    {
        var json = Payloads.Read("user-typical.json");
        var user = JsonSerializer.Deserialize<User>(json)!;

        var changed = JsonSerializer.Deserialize<User>(json.Replace("\"Zoë\"", "\"Zoe\""))!;

        Assert.NotEqual(user, changed);
    }

    [Fact]
    public void With_expressions_keep_presence_and_mark_what_they_set()
    {
        var user = JsonSerializer.Deserialize<User>(Payloads.Read("user-all-absent.json"))!;

        var named = user with { FirstName = "Ada" };
        var cleared = user with { FirstName = null };

        JsonAssert.Equal("{\"id\":\"" + user.Id + "\",\"object\":\"user\",\"first_name\":\"Ada\"}", JsonSerializer.Serialize(named));
        JsonAssert.Equal("{\"id\":\"" + user.Id + "\",\"object\":\"user\",\"first_name\":null}", JsonSerializer.Serialize(cleared));
        Assert.NotEqual(user, cleared);
        Assert.Equal(user, cleared.Without(User.JsonMember.FirstName));
    }

    [Fact]
    public void A_record_built_in_code_writes_the_members_it_was_given()
    {
        var email = new EmailAddress
        {
            Object = EmailAddressObject.EmailAddress,
            EmailAddressValue = "ada@example.com",
            Reserved = false,
            Verification = new OTP
            {
                Status = OTPStatus.Verified,
                Strategy = OTPStrategy.EmailCode,
                Attempts = 1,
                ExpireAt = 1_731_422_045_000,
            },
            LinkedTo = ValueListOf<IdentificationLink>(),
            CreatedAt = 1_731_421_445_000,
            UpdatedAt = 1_731_421_492_000,
        };

        var json = JsonSerializer.Serialize(email);

        JsonAssert.Equal(
            """
            {"object":"email_address","email_address":"ada@example.com","reserved":false,
             "verification":{"status":"verified","strategy":"email_code","attempts":1,"expire_at":1731422045000},
             "linked_to":[],"created_at":1731421445000,"updated_at":1731421492000}
            """,
            json);
        Assert.Equal(email, JsonSerializer.Deserialize<EmailAddress>(json));
    }

    private static Runtime.ValueList<T> ValueListOf<T>(params T[] items) => Runtime.ValueList.Create(items);
}
