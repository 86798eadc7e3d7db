using System.Linq;
using Clerk.Models.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Clerk.Models.Generator.Tests;

/// <summary>The generated code compiles cleanly under Nullable=enable with every warning an error.</summary>
public sealed class GeneratedCodeCompilesTests
{
    private const string Consumer = """
        using System.Text.Json;
        using Clerk.Models;

        /// <summary>Uses the generated types as an application does; documented, since the compilation checks docs.</summary>
        public static class Consumer
        {
            /// <summary>The first email address of a user.</summary>
            /// <param name="json">The user.</param>
            /// <returns>The address, or null.</returns>
            public static string? PrimaryEmail(string json)
            {
                var user = JsonSerializer.Deserialize<User>(json);
                return user?.EmailAddresses?[0].EmailAddressValue;
            }
        }
        """;

    [Fact]
    public void Bundled_spec_compiles_with_no_warnings_or_errors()
    {
        var run = GeneratorHarness.Run(new[] { GeneratorHarness.BundledSpec() }, Consumer);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(run.CompilationProblems);
        Assert.True(run.Sources.Count > 19);
    }

    [Fact]
    public void Bundled_spec_compiles_with_all_warnings_enabled()
    {
        var run = GeneratorHarness.Run(new[] { GeneratorHarness.BundledSpec() }, Consumer);
        var strict = run.Output.WithOptions(((CSharpCompilationOptions)run.Output.Options)
            .WithWarningLevel(9999)
            .WithGeneralDiagnosticOption(ReportDiagnostic.Error));

        Assert.Empty(strict.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }
}
