using Microsoft.Extensions.Options;

namespace Clerk.Webhooks.Sample;

/// <summary>The configuration section <c>Clerk</c>.</summary>
public sealed class ClerkWebhookOptions
{
    public const string Section = "Clerk";

    /// <summary>
    /// <c>Clerk:WebhookSecret</c>: the endpoint's signing secret from Clerk's dashboard (<c>whsec_…</c>).
    /// </summary>
    public string? WebhookSecret { get; set; }
}

/// <summary>Refuses to start the app without a usable secret, saying how to set one.</summary>
public sealed class ClerkWebhookOptionsValidator : IValidateOptions<ClerkWebhookOptions>
{
    private const string HowToSet =
        "Copy the endpoint's signing secret (whsec_...) from the Webhooks page of Clerk's dashboard and set it with "
        + "'dotnet user-secrets set Clerk:WebhookSecret whsec_... --project samples/Clerk.Webhooks.Sample' "
        + "or the environment variable Clerk__WebhookSecret.";

    public ValidateOptionsResult Validate(string? name, ClerkWebhookOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.WebhookSecret))
        {
            return ValidateOptionsResult.Fail("Clerk:WebhookSecret is not set, so no webhook could be verified. " + HowToSet);
        }

        if (!SvixSignatureVerifier.TryParseSecret(options.WebhookSecret, out _))
        {
            return ValidateOptionsResult.Fail("Clerk:WebhookSecret is not a signing secret: expected 'whsec_' and base64. " + HowToSet);
        }

        return ValidateOptionsResult.Success;
    }
}
