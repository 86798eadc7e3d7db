using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using Clerk.Models.Runtime;
using CsCheck;

// Deprecated members (profile_image_url, avatar_url) are still part of a valid instance.
#pragma warning disable CS0618

namespace Clerk.Models.Tests.Robustness;

/// <summary>
/// CsCheck generators of valid instances of the bundled schemas, built the way a user builds them:
/// object initializers, <c>with</c>, <c>Without(...)</c> and <c>AdditionalProperties</c>. Union
/// alternatives carry a discriminator their case accepts, so that they read back as the same case.
/// </summary>
public static class ClerkGen
{
    /// <summary>Every member name the spec declares: unknown members never use one.</summary>
    public static readonly HashSet<string> DeclaredNames = new(StringComparer.Ordinal)
    {
        "active", "allow_idp_initiated", "allow_subdomains", "approved_scopes", "attempts", "avatar_url", "backup_code_enabled", "backup_codes",
        "banned", "clerk_trace_id", "code", "create_organization_enabled", "create_organizations_limit", "created_at", "default_second_factor",
        "delete_self_enabled", "disable_additional_identifications", "domain", "email_address", "email_addresses", "error", "expire_at",
        "external_accounts", "external_id", "external_verification_redirect_url", "first_name", "has_image", "id", "identification_id",
        "image_url", "label", "last_active_at", "last_name", "last_sign_in_at", "last_used_at", "legal_accepted_at", "linked_to", "locked",
        "lockout_expires_in_seconds", "long_message", "matches_sso_connection", "message", "meta", "mfa_disabled_at", "mfa_enabled_at", "name",
        "nonce", "object", "passkeys", "password_enabled", "phone_number", "phone_numbers", "primary_email_address_id", "primary_phone_number_id",
        "primary_web3_wallet_id", "private_metadata", "profile_image_url", "provider", "provider_user_id", "public_metadata", "reserved",
        "reserved_for_second_factor", "saml_accounts", "saml_connection", "status", "strategy", "sync_user_attributes", "totp_enabled",
        "two_factor_enabled", "type", "unsafe_metadata", "updated_at", "username", "verification", "verification_attempts_remaining",
        "verified_at_client", "web3_wallet", "web3_wallets",
    };

    /// <summary>Pieces of text that are hard to escape, decode or compare: quotes, controls, line separators, BOM, astral and case-tricky letters.</summary>
    private static readonly string[] Atoms =
    {
        "a", "b", "Z", "0", "9", " ", "_", "-", ".", "@", "\"", "\\", "/", "\b", "\f", "\n", "\r", "\t", "\u0000", "\u001F", "\u007F",
        "<", ">", "&", "'", "+", "%", "{", "}", "é", "e\u0301", "東京", "😀", "\u2028", "\u2029", "\u0085", "\uFEFF", "ǅ", "İ", "\u212A",
    };

    public static readonly Gen<string> Text = Gen.Frequency(
        (3, Letters(0, 12)),
        (2, Gen.OneOf(Atoms).Array[0, 8].Select(parts => string.Concat(parts))),
        (1, Gen.Int[1, 3].Select(n => new string('x', n * 700))));

    public static readonly Gen<string?> NullableText = Text.Null(0.25);

    public static readonly Gen<long> Long = Gen.Frequency(
        (3, Gen.Long),
        (2, Gen.Long[-3, 3]),
        (1, Gen.OneOf(long.MinValue, long.MaxValue, 9_007_199_254_740_993L, 1_716_883_200_000L)));

    public static readonly Gen<long?> NullableLong = Long.Nullable(0.25);

    public static readonly Gen<bool?> NullableBool = Gen.Bool.Nullable(0.25);

    /// <summary>Any JSON value as compact text, objects with distinct member names.</summary>
    public static readonly Gen<string> JsonText = Json(3);

    public static readonly Gen<RawJson> Raw = JsonText.Select(RawJson.Parse);

    /// <summary>A nullable free-form member: C# null, or any JSON value but <c>null</c> (which reads back as C# null).</summary>
    public static readonly Gen<RawJson?> NullableRaw = JsonText.Where(j => j != "null").Select(RawJson.Parse).Null(0.2);

    /// <summary>Unknown members: names the spec does not declare, any JSON values.</summary>
    public static readonly Gen<ValueMap<RawJson>> Extra = Gen.Frequency(
        (2, Gen.Const(ValueMap<RawJson>.Empty)),
        (1, Gen.Select(Text.Where(t => !DeclaredNames.Contains(t)), Raw).Array[1, 4]
            .Select(pairs => new ValueMap<RawJson>(pairs.Select(p => new KeyValuePair<string, RawJson>(p.Item1, p.Item2))))));

    /// <summary>Which members <see cref="WithoutSome"/> makes absent: none, about half, or most.</summary>
    public static readonly Gen<ulong> Absent = Gen.Frequency((1, Gen.Const(0UL)), (2, Gen.ULong), (1, Gen.Select(Gen.ULong, Gen.ULong, (a, b) => a | b)));

    public static readonly Gen<ClerkError> ClerkError =
        Gen.Select(Text, Text, Text, NullableRaw, NullableText, Extra, Absent, (message, longMessage, code, meta, trace, extra, absent) => WithoutSome(
            new ClerkError { Message = message, LongMessage = longMessage, Code = code, Meta = meta, ClerkTraceId = trace, AdditionalProperties = extra },
            absent));

    public static readonly Gen<IdentificationLink> IdentificationLink =
        Gen.Select(Letters(1, 8).Select(s => "oauth_" + s), Text, Extra, (type, id, extra) => new IdentificationLink { Type = type, Id = id, AdditionalProperties = extra });

    public static readonly Gen<OTP> Otp =
        Gen.Select(Enum(OTPStatus.From, "unverified", "verified", "failed", "expired"), Gen.OneOf(OTPStrategy.PhoneCode, OTPStrategy.EmailCode, OTPStrategy.ResetPasswordEmailCode), NullableLong, NullableLong, NullableText, Extra, Absent,
            (status, strategy, attempts, expireAt, verifiedAt, extra, absent) => WithoutSome(
                new OTP { Status = status, Strategy = strategy, Attempts = attempts, ExpireAt = expireAt, VerifiedAtClient = verifiedAt, AdditionalProperties = extra }, absent));

    public static readonly Gen<Admin> Admin =
        Gen.Select(Enum(AdminStatus.From, "verified"), NullableLong, NullableLong, NullableText, Extra, Absent,
            (status, attempts, expireAt, verifiedAt, extra, absent) => WithoutSome(
                new Admin { Status = status, Strategy = AdminStrategy.Admin, Attempts = attempts, ExpireAt = expireAt, VerifiedAtClient = verifiedAt, AdditionalProperties = extra }, absent));

    public static readonly Gen<FromOAuth> FromOAuth =
        Gen.Select(Enum(FromOAuthStatus.From, "unverified", "verified"), OAuthStrategy("from_oauth_"), ClerkError.Null(0.5), NullableLong, NullableLong, NullableText, Extra, Absent,
            (status, strategy, error, expireAt, attempts, verifiedAt, extra, absent) => WithoutSome(
                new FromOAuth { Status = status, Strategy = strategy, Error = error, ExpireAt = expireAt, Attempts = attempts, VerifiedAtClient = verifiedAt, AdditionalProperties = extra }, absent));

    public static readonly Gen<Ticket> Ticket =
        Gen.Select(Enum(TicketStatus.From, "unverified", "verified", "expired"), NullableLong, NullableLong, NullableText, Extra, Absent,
            (status, attempts, expireAt, verifiedAt, extra, absent) => WithoutSome(
                new Ticket { Status = status, Strategy = TicketStrategy.Ticket, Attempts = attempts, ExpireAt = expireAt, VerifiedAtClient = verifiedAt, AdditionalProperties = extra }, absent));

    /// <summary>JSON that no alternative of the verification unions accepts: kept as the Unknown case.</summary>
    public static readonly Gen<RawJson> UnknownVerification = Gen.Frequency(
        (3, Gen.Select(Letters(1, 8), Extra, (strategy, extra) => RawJson.Parse(
            "{\"status\":\"verified\",\"strategy\":\"unknown_" + strategy + "\"" + string.Concat(extra.Select(p => "," + JsonSerializer.Serialize(p.Key) + ":" + p.Value)) + "}"))),
        (1, JsonText.Where(j => j != "null" && !j.StartsWith("{", StringComparison.Ordinal)).Select(RawJson.Parse)));

    public static readonly Gen<EmailAddressVerification?> EmailVerification = Gen.Frequency(
        (3, Otp.Select(v => (EmailAddressVerification?)v)),
        (2, Admin.Select(v => (EmailAddressVerification?)v)),
        (2, FromOAuth.Select(v => (EmailAddressVerification?)v)),
        (2, Ticket.Select(v => (EmailAddressVerification?)v)),
        (1, UnknownVerification.Select(j => (EmailAddressVerification?)new EmailAddressVerification.Unknown(j))),
        (1, Gen.Const(default(EmailAddressVerification))));

    public static readonly Gen<EmailAddress> EmailAddress =
        Gen.Select(NullableText, Enum(EmailAddressObject.From, "email_address"), Text, Gen.Bool, EmailVerification, IdentificationLink.Array[0, 3], NullableBool, Long, Long, Extra, Absent,
            (id, obj, address, reserved, verification, links, matches, created, updated, extra, absent) => WithoutSome(
                new EmailAddress
                {
                    Id = id, Object = obj, EmailAddressValue = address, Reserved = reserved, Verification = verification, LinkedTo = ValueList.Create(links),
                    MatchesSsoConnection = matches, CreatedAt = created, UpdatedAt = updated, AdditionalProperties = extra,
                },
                absent));

    public static readonly Gen<PhoneNumberVerification?> PhoneVerification = Gen.Frequency(
        (3, Otp.Select(v => (PhoneNumberVerification?)v)),
        (2, Admin.Select(v => (PhoneNumberVerification?)v)),
        (1, UnknownVerification.Select(j => (PhoneNumberVerification?)new PhoneNumberVerification.Unknown(j))),
        (1, Gen.Const(default(PhoneNumberVerification))));

    public static readonly Gen<PhoneNumber> PhoneNumber =
        Gen.Select(NullableText, Text, NullableBool, NullableBool, Gen.Bool, PhoneVerification, IdentificationLink.Array[0, 2], Text.Array[0, 4].Null(0.3), Long, Long, Extra, Absent,
            (id, number, second, defaultSecond, reserved, verification, links, codes, created, updated, extra, absent) => WithoutSome(
                new PhoneNumber
                {
                    Id = id, Object = PhoneNumberObject.PhoneNumber, PhoneNumberValue = number, ReservedForSecondFactor = second, DefaultSecondFactor = defaultSecond,
                    Reserved = reserved, Verification = verification, LinkedTo = ValueList.Create(links), BackupCodes = codes is null ? null : ValueList.Create(codes),
                    CreatedAt = created, UpdatedAt = updated, AdditionalProperties = extra,
                },
                absent));

    public static readonly Gen<Web3Signature> Web3Signature =
        Gen.Select(Enum(Web3SignatureStatus.From, "unverified", "verified", "failed", "expired"), Gen.OneOf("web3_metamask_signature", "web3_coinbase_wallet_signature", "web3_okx_wallet_signature").Select(Web3SignatureStrategy.From), NullableText, NullableText, NullableLong, NullableLong, NullableText, Extra, Absent,
            (status, strategy, nonce, message, attempts, expireAt, verifiedAt, extra, absent) => WithoutSome(
                new Web3Signature { Status = status, Strategy = strategy, Nonce = nonce, Message = message, Attempts = attempts, ExpireAt = expireAt, VerifiedAtClient = verifiedAt, AdditionalProperties = extra }, absent));

    public static readonly Gen<Web3Wallet> Web3Wallet =
        Gen.Select(NullableText, Text, Gen.Frequency(
                (2, Web3Signature.Select(v => (Web3WalletVerification?)v)),
                (1, Admin.Select(v => (Web3WalletVerification?)v)),
                (1, UnknownVerification.Select(j => (Web3WalletVerification?)new Web3WalletVerification.Unknown(j))),
                (1, Gen.Const(default(Web3WalletVerification)))),
            Long, Long, Extra, Absent,
            (id, wallet, verification, created, updated, extra, absent) => WithoutSome(
                new Web3Wallet { Id = id, Object = Web3WalletObject.Web3Wallet, Web3WalletValue = wallet, Verification = verification, CreatedAt = created, UpdatedAt = updated, AdditionalProperties = extra }, absent));

    public static readonly Gen<Passkey> Passkey =
        Gen.Select(Gen.OneOf(PasskeyNonce.Nonce, PasskeyNonce.From("other")).Null(0.3), NullableText, NullableLong, NullableLong, NullableText, Extra, Absent,
            (nonce, message, attempts, expireAt, verifiedAt, extra, absent) => WithoutSome(
                new Passkey { Status = PasskeyStatus.Verified, Strategy = PasskeyStrategy.Passkey, Nonce = nonce, Message = message, Attempts = attempts, ExpireAt = expireAt, VerifiedAtClient = verifiedAt, AdditionalProperties = extra }, absent));

    public static readonly Gen<SchemasPasskey> SchemasPasskey =
        Gen.Select(NullableText, Text, Long, Passkey.Null(0.3), Extra, Absent,
            (id, name, lastUsed, verification, extra, absent) => WithoutSome(
                new SchemasPasskey { Id = id, Object = SchemasPasskeyObject.Passkey, Name = name, LastUsedAt = lastUsed, Verification = verification, AdditionalProperties = extra }, absent));

    public static readonly Gen<Oauth> Oauth =
        Gen.Select(Enum(OauthStatus.From, "unverified", "verified", "failed", "expired", "transferable"), OAuthStrategy("oauth_"), NullableText, ClerkError.Null(0.5), Long, NullableLong, NullableText, Extra, Absent,
            (status, strategy, redirect, error, expireAt, attempts, verifiedAt, extra, absent) => WithoutSome(
                new Oauth { Status = status, Strategy = strategy, ExternalVerificationRedirectUrl = redirect, Error = error, ExpireAt = expireAt, Attempts = attempts, VerifiedAtClient = verifiedAt, AdditionalProperties = extra }, absent));

    public static readonly Gen<GoogleOneTap> GoogleOneTap =
        Gen.Select(Enum(GoogleOneTapStatus.From, "unverified", "verified"), NullableLong, NullableLong, NullableText, ClerkError.Null(0.5), Extra, Absent,
            (status, expireAt, attempts, verifiedAt, error, extra, absent) => WithoutSome(
                new GoogleOneTap { Status = status, Strategy = GoogleOneTapStrategy.GoogleOneTap, ExpireAt = expireAt, Attempts = attempts, VerifiedAtClient = verifiedAt, Error = error, AdditionalProperties = extra }, absent));

    public static readonly Gen<ExternalAccountWithVerification> ExternalAccount =
        Gen.Select(
            Gen.Select(Enum(ExternalAccountWithVerificationObject.From, "external_account", "facebook_account", "google_account"), Text, Text, Text, Text),
            Gen.Select(Text, Text, Text, Text),
            Gen.Select(NullableText, NullableText, NullableText, Raw, NullableText, Long, Long),
            Gen.Frequency(
                (2, Oauth.Select(v => (ExternalAccountWithVerificationVerification?)v)),
                (2, GoogleOneTap.Select(v => (ExternalAccountWithVerificationVerification?)v)),
                (1, UnknownVerification.Select(j => (ExternalAccountWithVerificationVerification?)new ExternalAccountWithVerificationVerification.Unknown(j))),
                (1, Gen.Const(default(ExternalAccountWithVerificationVerification)))),
            Extra,
            Absent,
            (a, b, c, verification, extra, absent) => WithoutSome(
                new ExternalAccountWithVerification
                {
                    Object = a.Item1, Id = a.Item2, Provider = a.Item3, IdentificationId = a.Item4, ProviderUserId = a.Item5, ApprovedScopes = b.Item1,
                    EmailAddress = b.Item2, FirstName = b.Item3, LastName = b.Item4, AvatarUrl = c.Item1, ImageUrl = c.Item2, Username = c.Item3,
                    PublicMetadata = c.Item4, Label = c.Item5, CreatedAt = c.Item6, UpdatedAt = c.Item7, Verification = verification, AdditionalProperties = extra,
                },
                absent));

    public static readonly Gen<SAML> Saml =
        Gen.Select(Enum(SAMLStatus.From, "unverified", "verified", "failed", "expired", "transferable"), NullableText, ClerkError.Null(0.5), Long, NullableLong, NullableText, Extra, Absent,
            (status, redirect, error, expireAt, attempts, verifiedAt, extra, absent) => WithoutSome(
                new SAML { Status = status, Strategy = SAMLStrategy.Saml, ExternalVerificationRedirectUrl = redirect, Error = error, ExpireAt = expireAt, Attempts = attempts, VerifiedAtClient = verifiedAt, AdditionalProperties = extra }, absent));

    public static readonly Gen<SAMLConnection> SamlConnection =
        Gen.Select(Gen.Select(Text, Text, Text, Gen.Bool, Text, Gen.Bool), Gen.Select(NullableBool, NullableBool, NullableBool, Long, Long), Extra, Absent,
            (a, b, extra, absent) => WithoutSome(
                new SAMLConnection
                {
                    Id = a.Item1, Name = a.Item2, Domain = a.Item3, Active = a.Item4, Provider = a.Item5, SyncUserAttributes = a.Item6,
                    AllowSubdomains = b.Item1, AllowIdpInitiated = b.Item2, DisableAdditionalIdentifications = b.Item3, CreatedAt = b.Item4, UpdatedAt = b.Item5, AdditionalProperties = extra,
                },
                absent));

    public static readonly Gen<SAMLAccount> SamlAccount =
        Gen.Select(
            Gen.Select(Text, Text, Gen.Bool, Text, NullableText, NullableText, NullableText, NullableRaw),
            Gen.Frequency(
                (2, Saml.Select(v => (SAMLAccountVerification?)v)),
                (2, Ticket.Select(v => (SAMLAccountVerification?)v)),
                (1, UnknownVerification.Select(j => (SAMLAccountVerification?)new SAMLAccountVerification.Unknown(j))),
                (1, Gen.Const(default(SAMLAccountVerification)))),
            SamlConnection.Null(0.3),
            Extra,
            Absent,
            (a, verification, connection, extra, absent) => WithoutSome(
                new SAMLAccount
                {
                    Id = a.Item1, Object = SAMLAccountObject.SamlAccount, Provider = a.Item2, Active = a.Item3, EmailAddress = a.Item4, FirstName = a.Item5,
                    LastName = a.Item6, ProviderUserId = a.Item7, PublicMetadata = a.Item8, Verification = verification, SamlConnection = connection, AdditionalProperties = extra,
                },
                absent));

    public static readonly Gen<User> User =
        Gen.Select(
            Gen.Select(NullableText, Enum(UserObject.From, "user").Null(0.1), NullableText, NullableText, NullableText, NullableText, NullableText, NullableText),
            Gen.Select(NullableText, NullableText, NullableText, NullableBool, NullableRaw, NullableRaw, NullableRaw),
            Gen.Select(NullableBool, NullableBool, NullableBool, NullableBool, NullableLong, NullableLong, NullableLong, NullableBool),
            Gen.Select(NullableBool, NullableLong, NullableLong, NullableLong, NullableLong, NullableBool, NullableBool, NullableLong),
            Gen.Select(NullableLong, NullableLong, Extra, Absent, NullableText),
            Gen.Select(EmailAddress.Array[0, 3], PhoneNumber.Array[0, 2], Web3Wallet.Array[0, 2], SchemasPasskey.Array[0, 2], ExternalAccount.Array[0, 2], SamlAccount.Array[0, 2]),
            (a, b, c, d, e, lists) =>
            {
                var user = new User
                {
                    Id = a.Item1, Object = a.Item2, ExternalId = a.Item3, PrimaryEmailAddressId = a.Item4, PrimaryPhoneNumberId = a.Item5, PrimaryWeb3WalletId = a.Item6,
                    Username = a.Item7, FirstName = a.Item8, LastName = b.Item1, ProfileImageUrl = b.Item2, ImageUrl = b.Item3,
                    HasImage = b.Item4, PublicMetadata = b.Item5, PrivateMetadata = b.Item6, UnsafeMetadata = b.Item7,
                    PasswordEnabled = c.Item1, TwoFactorEnabled = c.Item2, TotpEnabled = c.Item3, BackupCodeEnabled = c.Item4, MfaEnabledAt = c.Item5, MfaDisabledAt = c.Item6,
                    LastSignInAt = c.Item7, Banned = c.Item8, Locked = d.Item1, LockoutExpiresInSeconds = d.Item2, VerificationAttemptsRemaining = d.Item3,
                    UpdatedAt = d.Item4, CreatedAt = d.Item5, DeleteSelfEnabled = d.Item6, CreateOrganizationEnabled = d.Item7, CreateOrganizationsLimit = d.Item8,
                    LastActiveAt = e.Item1, LegalAcceptedAt = e.Item2, AdditionalProperties = e.Item3,
                    EmailAddresses = ValueList.Create(lists.Item1), PhoneNumbers = ValueList.Create(lists.Item2), Web3Wallets = ValueList.Create(lists.Item3),
                    Passkeys = ValueList.Create(lists.Item4), ExternalAccounts = ValueList.Create(lists.Item5), SamlAccounts = ValueList.Create(lists.Item6),
                };

                // A later edit, as a user makes one: it marks the member present, whatever it holds.
                user = WithoutSome(user, e.Item4);
                return e.Item5 is { } name ? user with { FirstName = name.Length % 3 == 0 ? null : name } : user;
            });

    /// <summary>The instance with the optional members whose bit is set in <paramref name="absent"/> made absent.</summary>
    public static T WithoutSome<T>(T record, ulong absent)
        where T : class
    {
        var without = typeof(T).GetMethod("Without")!;
        var members = System.Enum.GetValues(without.GetParameters()[0].ParameterType);
        var bit = 0;
        foreach (var member in members)
        {
            if (((absent >> (bit++ % 64)) & 1) == 0)
            {
                continue;
            }

            try
            {
                record = (T)without.Invoke(record, new[] { member })!;
            }
            catch (TargetInvocationException ex) when (ex.InnerException is ArgumentOutOfRangeException)
            {
                // Required: it stays.
            }
        }

        return record;
    }

    private static Gen<string> Letters(int min, int max) => Gen.Char['a', 'z'].Array[min, max].Select(chars => new string(chars));

    /// <summary>A strategy the alternative's pattern accepts: {prefix}[token_|custom_]letters.</summary>
    private static Gen<string> OAuthStrategy(string prefix)
        => Gen.Select(Gen.OneOf(string.Empty, "token_", "custom_"), Letters(1, 10), (middle, name) => prefix + middle + name);

    /// <summary>A known value (the shared instance) or an unknown one, kept as it came.</summary>
    private static Gen<T> Enum<T>(Func<string, T> from, params string[] known)
        => Gen.Frequency((3, Gen.OneOf(known).Select(from)), (1, Text.Select(from)));

    private static Gen<string> Json(int depth)
    {
        var scalar = Gen.Frequency(
            (1, Gen.OneOf("null", "true", "false")),
            (2, Long.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            (1, Gen.OneOf("1.5", "-0.25", "1e10", "1E-7", "-0", "0.0", "123456789012345678901234567890", "4.9e-324")),
            (3, Text.Select(t => JsonSerializer.Serialize(t))),
            (1, Text.Select(t => JsonSerializer.Serialize(t, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))));
        if (depth == 0)
        {
            return scalar;
        }

        var inner = Json(depth - 1);
        return Gen.Frequency(
            (4, scalar),
            (1, inner.Array[0, 4].Select(items => "[" + string.Join(",", items) + "]")),
            (1, Gen.Select(Text, inner).Array[0, 4].Select(members =>
                "{" + string.Join(",", members.DistinctBy(m => m.Item1).Select(m => JsonSerializer.Serialize(m.Item1) + ":" + m.Item2)) + "}")));
    }
}
