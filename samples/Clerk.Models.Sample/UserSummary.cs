using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Clerk.Models.Sample;

/// <summary>Prints the parts of a <see cref="User"/> a support engineer looks at first.</summary>
internal static class UserSummary
{
    private const string None = "(none)";

    public static void Write(User user, TextWriter output)
    {
        output.WriteLine("User          " + (user.Id ?? None));
        output.WriteLine("Name          " + DescribeName(user));
        output.WriteLine("Primary email " + DescribePrimaryEmail(user));
        output.WriteLine("MFA           " + DescribeMfa(user));
        output.WriteLine("Last sign-in  " + (user.LastSignInAt is { } lastSignIn ? FormatUtc(lastSignIn, "yyyy-MM-dd HH:mm:ss") : "never"));
        output.WriteLine("Unknown members kept: " + (user.AdditionalProperties.Count == 0 ? "none" : string.Join(", ", user.AdditionalProperties.Keys)));
    }

    private static string DescribeName(User user)
    {
        var parts = new[] { user.FirstName, user.LastName }.Where(part => !string.IsNullOrWhiteSpace(part));
        var name = string.Join(' ', parts);
        return name.Length == 0 ? None : name;
    }

    private static string DescribePrimaryEmail(User user)
    {
        if (user.EmailAddresses is not { Count: > 0 } emails)
        {
            return None;
        }

        var primary = (user.PrimaryEmailAddressId is { } id ? emails.FirstOrDefault(email => email.Id == id) : null) ?? emails[0];
        return $"{primary.EmailAddressValue} ({DescribeVerification(primary.Verification)})";
    }

    // Read leniently, a verification may lack any member the spec requires: '?' marks one that is absent.
    private static string DescribeVerification(EmailAddressVerification? verification) => verification switch
    {
        null => "no verification",
        EmailAddressVerification.OTP(var otp) => Describe(otp.Status?.Value, otp.Strategy?.Value),
        EmailAddressVerification.Admin(var admin) => Describe(admin.Status?.Value, admin.Strategy?.Value),
        // The spec gives this strategy as a pattern (from_oauth_<provider>), so it is a plain string.
        EmailAddressVerification.FromOAuth(var oauth) => Describe(oauth.Status?.Value, oauth.Strategy),
        EmailAddressVerification.Ticket(var ticket) => Describe(ticket.Status?.Value, ticket.Strategy?.Value),
        EmailAddressVerification.Unknown => "unknown verification kept as raw JSON",
        // The union's constructor is private, so the cases above are all there are.
        _ => throw new UnreachableException(),
    };

    private static string Describe(string? status, string? strategy) => $"{status ?? "?"}, strategy {strategy ?? "?"}";

    private static string DescribeMfa(User user)
    {
        var factors = new List<string>();
        if (user.TotpEnabled == true)
        {
            factors.Add("TOTP");
        }

        if (user.BackupCodeEnabled == true)
        {
            factors.Add("backup codes");
        }

        var text = user.TwoFactorEnabled == true ? "on" : "off";
        if (factors.Count > 0)
        {
            text += " (" + string.Join(", ", factors) + ")";
        }

        if (user.MfaEnabledAt is { } enabledAt)
        {
            text += ", enabled " + FormatUtc(enabledAt, "yyyy-MM-dd");
        }

        return text;
    }

    private static string FormatUtc(DateTimeOffset instant, string format)
        => instant.UtcDateTime.ToString(format, CultureInfo.InvariantCulture) + " UTC";
}
