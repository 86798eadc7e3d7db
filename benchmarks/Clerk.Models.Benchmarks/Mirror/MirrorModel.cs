using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

// A hand-written mirror of the bundled spec's User, as a System.Text.Json or Newtonsoft.Json user
// would write it: mutable classes, nullable properties, snake_case names.
//
// - Free-form members (public_metadata, meta, ...) are JsonElement: it keeps their exact JSON, and
//   unlike `object` it leaves the whole model on System.Text.Json's source-generated fast path.
//   Newtonsoft.Json handles them through MirrorSerializers.JsonElementConverter.
// - The verification oneOfs have no discriminator, which System.Text.Json polymorphism requires, so
//   every alternative's members are merged into one class, MirrorVerification.
// - Enums are strings. Members the spec does not describe are dropped, and null cannot be told from
//   absent: docs/performance.md lists what that costs the comparison.
namespace Clerk.Models.Benchmarks.Mirror;

public sealed class MirrorUser
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("object")] public string? Object { get; set; }
    [JsonPropertyName("external_id")] public string? ExternalId { get; set; }
    [JsonPropertyName("primary_email_address_id")] public string? PrimaryEmailAddressId { get; set; }
    [JsonPropertyName("primary_phone_number_id")] public string? PrimaryPhoneNumberId { get; set; }
    [JsonPropertyName("primary_web3_wallet_id")] public string? PrimaryWeb3WalletId { get; set; }
    [JsonPropertyName("username")] public string? Username { get; set; }
    [JsonPropertyName("first_name")] public string? FirstName { get; set; }
    [JsonPropertyName("last_name")] public string? LastName { get; set; }
    [JsonPropertyName("profile_image_url")] public string? ProfileImageUrl { get; set; }
    [JsonPropertyName("image_url")] public string? ImageUrl { get; set; }
    [JsonPropertyName("has_image")] public bool? HasImage { get; set; }
    [JsonPropertyName("public_metadata")] public JsonElement? PublicMetadata { get; set; }
    [JsonPropertyName("private_metadata")] public JsonElement? PrivateMetadata { get; set; }
    [JsonPropertyName("unsafe_metadata")] public JsonElement? UnsafeMetadata { get; set; }
    [JsonPropertyName("email_addresses")] public List<MirrorEmailAddress>? EmailAddresses { get; set; }
    [JsonPropertyName("phone_numbers")] public List<MirrorPhoneNumber>? PhoneNumbers { get; set; }
    [JsonPropertyName("web3_wallets")] public List<MirrorWeb3Wallet>? Web3Wallets { get; set; }
    [JsonPropertyName("passkeys")] public List<MirrorPasskey>? Passkeys { get; set; }
    [JsonPropertyName("password_enabled")] public bool? PasswordEnabled { get; set; }
    [JsonPropertyName("two_factor_enabled")] public bool? TwoFactorEnabled { get; set; }
    [JsonPropertyName("totp_enabled")] public bool? TotpEnabled { get; set; }
    [JsonPropertyName("backup_code_enabled")] public bool? BackupCodeEnabled { get; set; }
    [JsonPropertyName("mfa_enabled_at")] public long? MfaEnabledAt { get; set; }
    [JsonPropertyName("mfa_disabled_at")] public long? MfaDisabledAt { get; set; }
    [JsonPropertyName("external_accounts")] public List<MirrorExternalAccount>? ExternalAccounts { get; set; }
    [JsonPropertyName("saml_accounts")] public List<MirrorSamlAccount>? SamlAccounts { get; set; }
    [JsonPropertyName("last_sign_in_at")] public long? LastSignInAt { get; set; }
    [JsonPropertyName("banned")] public bool? Banned { get; set; }
    [JsonPropertyName("locked")] public bool? Locked { get; set; }
    [JsonPropertyName("lockout_expires_in_seconds")] public long? LockoutExpiresInSeconds { get; set; }
    [JsonPropertyName("verification_attempts_remaining")] public long? VerificationAttemptsRemaining { get; set; }
    [JsonPropertyName("updated_at")] public long? UpdatedAt { get; set; }
    [JsonPropertyName("created_at")] public long? CreatedAt { get; set; }
    [JsonPropertyName("delete_self_enabled")] public bool? DeleteSelfEnabled { get; set; }
    [JsonPropertyName("create_organization_enabled")] public bool? CreateOrganizationEnabled { get; set; }
    [JsonPropertyName("create_organizations_limit")] public long? CreateOrganizationsLimit { get; set; }
    [JsonPropertyName("last_active_at")] public long? LastActiveAt { get; set; }
    [JsonPropertyName("legal_accepted_at")] public long? LegalAcceptedAt { get; set; }
}

public sealed class MirrorEmailAddress
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("object")] public string? Object { get; set; }
    [JsonPropertyName("email_address")] public string? EmailAddress { get; set; }
    [JsonPropertyName("reserved")] public bool? Reserved { get; set; }
    [JsonPropertyName("verification")] public MirrorVerification? Verification { get; set; }
    [JsonPropertyName("linked_to")] public List<MirrorIdentificationLink>? LinkedTo { get; set; }
    [JsonPropertyName("matches_sso_connection")] public bool? MatchesSsoConnection { get; set; }
    [JsonPropertyName("created_at")] public long? CreatedAt { get; set; }
    [JsonPropertyName("updated_at")] public long? UpdatedAt { get; set; }
}

public sealed class MirrorIdentificationLink
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("id")] public string? Id { get; set; }
}

public sealed class MirrorPhoneNumber
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("object")] public string? Object { get; set; }
    [JsonPropertyName("phone_number")] public string? PhoneNumber { get; set; }
    [JsonPropertyName("reserved_for_second_factor")] public bool? ReservedForSecondFactor { get; set; }
    [JsonPropertyName("default_second_factor")] public bool? DefaultSecondFactor { get; set; }
    [JsonPropertyName("reserved")] public bool? Reserved { get; set; }
    [JsonPropertyName("verification")] public MirrorVerification? Verification { get; set; }
    [JsonPropertyName("linked_to")] public List<MirrorIdentificationLink>? LinkedTo { get; set; }
    [JsonPropertyName("backup_codes")] public List<string>? BackupCodes { get; set; }
    [JsonPropertyName("created_at")] public long? CreatedAt { get; set; }
    [JsonPropertyName("updated_at")] public long? UpdatedAt { get; set; }
}

public sealed class MirrorWeb3Wallet
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("object")] public string? Object { get; set; }
    [JsonPropertyName("web3_wallet")] public string? Web3Wallet { get; set; }
    [JsonPropertyName("verification")] public MirrorVerification? Verification { get; set; }
    [JsonPropertyName("created_at")] public long? CreatedAt { get; set; }
    [JsonPropertyName("updated_at")] public long? UpdatedAt { get; set; }
}

/// <summary>The spec's <c>schemas-Passkey</c>.</summary>
public sealed class MirrorPasskey
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("object")] public string? Object { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("last_used_at")] public long? LastUsedAt { get; set; }
    [JsonPropertyName("verification")] public MirrorVerification? Verification { get; set; }
}

public sealed class MirrorExternalAccount
{
    [JsonPropertyName("object")] public string? Object { get; set; }
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("provider")] public string? Provider { get; set; }
    [JsonPropertyName("identification_id")] public string? IdentificationId { get; set; }
    [JsonPropertyName("provider_user_id")] public string? ProviderUserId { get; set; }
    [JsonPropertyName("approved_scopes")] public string? ApprovedScopes { get; set; }
    [JsonPropertyName("email_address")] public string? EmailAddress { get; set; }
    [JsonPropertyName("first_name")] public string? FirstName { get; set; }
    [JsonPropertyName("last_name")] public string? LastName { get; set; }
    [JsonPropertyName("avatar_url")] public string? AvatarUrl { get; set; }
    [JsonPropertyName("image_url")] public string? ImageUrl { get; set; }
    [JsonPropertyName("username")] public string? Username { get; set; }
    [JsonPropertyName("public_metadata")] public JsonElement? PublicMetadata { get; set; }
    [JsonPropertyName("label")] public string? Label { get; set; }
    [JsonPropertyName("created_at")] public long? CreatedAt { get; set; }
    [JsonPropertyName("updated_at")] public long? UpdatedAt { get; set; }
    [JsonPropertyName("verification")] public MirrorVerification? Verification { get; set; }
}

public sealed class MirrorSamlAccount
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("object")] public string? Object { get; set; }
    [JsonPropertyName("provider")] public string? Provider { get; set; }
    [JsonPropertyName("active")] public bool? Active { get; set; }
    [JsonPropertyName("email_address")] public string? EmailAddress { get; set; }
    [JsonPropertyName("first_name")] public string? FirstName { get; set; }
    [JsonPropertyName("last_name")] public string? LastName { get; set; }
    [JsonPropertyName("provider_user_id")] public string? ProviderUserId { get; set; }
    [JsonPropertyName("public_metadata")] public JsonElement? PublicMetadata { get; set; }
    [JsonPropertyName("verification")] public MirrorVerification? Verification { get; set; }
    [JsonPropertyName("saml_connection")] public MirrorSamlConnection? SamlConnection { get; set; }
}

public sealed class MirrorSamlConnection
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("domain")] public string? Domain { get; set; }
    [JsonPropertyName("active")] public bool? Active { get; set; }
    [JsonPropertyName("provider")] public string? Provider { get; set; }
    [JsonPropertyName("sync_user_attributes")] public bool? SyncUserAttributes { get; set; }
    [JsonPropertyName("allow_subdomains")] public bool? AllowSubdomains { get; set; }
    [JsonPropertyName("allow_idp_initiated")] public bool? AllowIdpInitiated { get; set; }
    [JsonPropertyName("disable_additional_identifications")] public bool? DisableAdditionalIdentifications { get; set; }
    [JsonPropertyName("created_at")] public long? CreatedAt { get; set; }
    [JsonPropertyName("updated_at")] public long? UpdatedAt { get; set; }
}

/// <summary>
/// Every verification alternative at once (OTP, Admin, FromOAuth, Ticket, Web3Signature, Passkey,
/// Oauth, GoogleOneTap, SAML): which one it was is left to the caller, by <see cref="Strategy"/>.
/// </summary>
public sealed class MirrorVerification
{
    [JsonPropertyName("status")] public string? Status { get; set; }
    [JsonPropertyName("strategy")] public string? Strategy { get; set; }
    [JsonPropertyName("attempts")] public long? Attempts { get; set; }
    [JsonPropertyName("expire_at")] public long? ExpireAt { get; set; }
    [JsonPropertyName("verified_at_client")] public string? VerifiedAtClient { get; set; }
    [JsonPropertyName("error")] public MirrorClerkError? Error { get; set; }
    [JsonPropertyName("nonce")] public string? Nonce { get; set; }
    [JsonPropertyName("message")] public string? Message { get; set; }
    [JsonPropertyName("external_verification_redirect_url")] public string? ExternalVerificationRedirectUrl { get; set; }
}

public sealed class MirrorClerkError
{
    [JsonPropertyName("message")] public string? Message { get; set; }
    [JsonPropertyName("long_message")] public string? LongMessage { get; set; }
    [JsonPropertyName("code")] public string? Code { get; set; }
    [JsonPropertyName("meta")] public JsonElement? Meta { get; set; }
    [JsonPropertyName("clerk_trace_id")] public string? ClerkTraceId { get; set; }
}
