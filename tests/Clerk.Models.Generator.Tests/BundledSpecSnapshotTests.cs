using System;
using System.Linq;
using Clerk.Models.Generator.Tests.Infrastructure;
using Xunit;

namespace Clerk.Models.Generator.Tests;

/// <summary>Every file generated from the bundled Clerk User spec, against its approved snapshot.</summary>
public sealed class BundledSpecSnapshotTests
{
    private static readonly GeneratorRun Run = GeneratorHarness.Run(GeneratorHarness.BundledSpec());

    public static TheoryData<string> HintNames => new(Run.Sources.Select(s => s.HintName).OrderBy(n => n, System.StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(HintNames))]
    public void Generated_file_matches_snapshot(string hintName)
        => Snapshots.Verify("clerk-user", hintName, Run.Source(hintName));

    [Fact]
    public void Generates_one_file_per_component_and_the_resolver()
    {
        // The 19 component schemas, and the spec's resolver.
        var expected = new[]
        {
            "Admin", "ClerkError", "EmailAddress", "ExternalAccountWithVerification", "FromOAuth", "GoogleOneTap",
            "IdentificationLink", "OTP", "Oauth", "Passkey", "PhoneNumber", "SAML", "SAMLAccount", "SAMLConnection",
            "SchemasPasskey", "Ticket", "User", "Web3Signature", "Web3Wallet", "ClerkUserJson",
        };
        var names = Run.Sources.Select(s => s.HintName).OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Select(t => "clerk-user." + t + ".g.cs").OrderBy(n => n, StringComparer.Ordinal), names);

        // The inline enums and unions a component declares, named from it and the property, are in its file, after it.
        var emailAddress = Run.Source("clerk-user.EmailAddress.g.cs");
        Assert.True(
            emailAddress.IndexOf("partial record EmailAddress\n", StringComparison.Ordinal) < emailAddress.IndexOf("partial record EmailAddressVerification\n", StringComparison.Ordinal),
            "EmailAddress comes first in its file, then its inline types.");
        Assert.Contains("sealed partial class OTPStrategy ", Run.Source("clerk-user.OTP.g.cs"));
        Assert.Contains("sealed partial class UserObject ", Run.Source("clerk-user.User.g.cs"));
        Assert.Empty(Run.GeneratorDiagnostics.Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));
    }
}
