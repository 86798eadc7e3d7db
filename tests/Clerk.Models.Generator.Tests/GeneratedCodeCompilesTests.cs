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

    [Fact]
    public void Users_builds_skip_nullable_flow_analysis_of_the_generated_bodies_but_the_tests_run_it()
    {
        var run = GeneratorHarness.Run(new[] { GeneratorHarness.BundledSpec() }, Consumer);
        var user = run.Sources.Single(s => s.HintName == "clerk-user.User.g.cs");
        var lines = user.SourceText.ToString().Split('\n');
        Assert.Equal("#nullable enable annotations", lines[2]);
        Assert.Equal(GeneratorRun.SkipsNullableWarnings, lines[3]);

        // A null where the annotations forbid one: silent in the generated text, a warning in the checked compilation.
        var tree = run.Output.SyntaxTrees.Single(t => t.FilePath.EndsWith("clerk-user.User.g.cs", System.StringComparison.Ordinal));
        var broken = tree.GetText().ToString().Replace("public User() { }", "public User() { string id = null; _ = id; }", System.StringComparison.Ordinal);
        var asShipped = broken.Replace("#nullable restore warnings", GeneratorRun.SkipsNullableWarnings, System.StringComparison.Ordinal);
        Assert.Contains(Warnings(run.Output, tree, broken), d => d.Id == "CS8600");
        Assert.DoesNotContain(Warnings(run.Output, tree, asShipped), d => d.Id == "CS8600");
    }

    private static System.Collections.Generic.List<Diagnostic> Warnings(Compilation compilation, SyntaxTree tree, string text)
    {
        var changed = tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text));
        return compilation.ReplaceSyntaxTree(tree, changed).GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
    }
}
