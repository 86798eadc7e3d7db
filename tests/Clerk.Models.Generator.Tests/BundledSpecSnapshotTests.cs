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
    public void Generates_one_file_per_type_and_nothing_else()
    {
        var expected = new[]
        {
            // The 19 component schemas...
            "Admin", "ClerkError", "EmailAddress", "ExternalAccountWithVerification", "FromOAuth", "GoogleOneTap",
            "IdentificationLink", "OTP", "Oauth", "Passkey", "PhoneNumber", "SAML", "SAMLAccount", "SAMLConnection",
            "SchemasPasskey", "Ticket", "User", "Web3Signature", "Web3Wallet",
        };
        var names = Run.Sources.Select(s => s.HintName).ToList();
        foreach (var type in expected)
        {
            Assert.Contains("clerk-user." + type + ".g.cs", names);
        }

        // ...and the inline enums and unions they declare, named from their parent and property.
        Assert.Contains("clerk-user.EmailAddressVerification.g.cs", names);
        Assert.Contains("clerk-user.OTPStrategy.g.cs", names);
        Assert.Contains("clerk-user.UserObject.g.cs", names);
        Assert.Empty(Run.GeneratorDiagnostics.Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));
    }
}
