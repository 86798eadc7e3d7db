using System;
using System.Collections;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Clerk.Models.Generator.Tests.Infrastructure;
using Clerk.Models.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Clerk.Models.Generator.Tests;

/// <summary>
/// The pipeline is incremental in fact: runs after edits that change nothing for a spec re-emit nothing,
/// and the cache compares only plain values.
/// </summary>
public sealed class CachingTests
{
    private static readonly string[] OurSteps = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetValue(null)!)
        .ToArray();

    private static readonly SpecFile Pets = new("/specs/pets.yaml", """
        openapi: 3.0.3
        info: {title: Pets, version: '1'}
        paths: {}
        components:
          schemas:
            Pet:
              type: object
              required: [name]
              properties:
                name: {type: string}
                status: {type: string, enum: [available, sold]}
        """, "Pets");

    [Fact]
    public void Editing_or_adding_an_unrelated_csharp_file_re_emits_nothing()
    {
        var compilation = GeneratorHarness.CreateCompilation("public class A { }");
        var driver = GeneratorHarness.CreateDriver(new[] { GeneratorHarness.BundledSpec(), Pets }).RunGenerators(compilation);

        var edited = compilation
            .ReplaceSyntaxTree(compilation.SyntaxTrees.First(), CSharpSyntaxTree.ParseText("public class A { public int B; }", GeneratorHarness.ParseOptions))
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText("public class C { }", GeneratorHarness.ParseOptions));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertAllCachedOrUnchanged(result, OurSteps);
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));
    }

    [Fact]
    public void Whitespace_and_comment_edits_to_a_spec_leave_the_model_unchanged()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(new[] { Pets }, out var texts).RunGenerators(compilation);

        var edited = Pets.Text.Replace("paths: {}", "paths: {}   # no operations yet\n\n") + "\n# trailing comment\n";
        driver = ReplaceSpec(driver, texts, Pets, edited).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();

        Assert.Contains(result.TrackedSteps[TrackingNames.SpecInputs].SelectMany(s => s.Outputs), o => o.Reason != IncrementalStepRunReason.Cached);
        AssertAllCachedOrUnchanged(result, TrackingNames.Models, TrackingNames.Files, TrackingNames.FilesWithFeatures, TrackingNames.Resolvers);
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, output.Reason.ToString()));
    }

    [Fact]
    public void Editing_one_spec_of_several_re_emits_only_that_spec()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(new[] { GeneratorHarness.BundledSpec(), Pets }, out var texts).RunGenerators(compilation);

        driver = ReplaceSpec(driver, texts, Pets, Pets.Text.Replace("name: {type: string}", "name: {type: string}\n        age: {type: integer}")).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();

        // Replacing a file shows as the old model removed and the new one added; the other spec's model is cached.
        var models = result.TrackedSteps[TrackingNames.Models].SelectMany(s => s.Outputs).ToList();
        Assert.All(models.Where(o => ((Model.SpecModel)o.Value).SpecName == "clerk-user"),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        Assert.Contains(models, o => ((Model.SpecModel)o.Value).SpecName == "pets" && o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);
        var outputs = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
        Assert.Contains(outputs, o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.Contains("public long? Age", result.GeneratedSources.Single(s => s.HintName == "pets.Pet.g.cs").SourceText.ToString());
    }

    [Fact]
    public void Editing_one_schema_re_emits_only_the_file_it_is_in()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var bundled = GeneratorHarness.BundledSpec();
        var driver = GeneratorHarness.CreateDriver(new[] { bundled }, out var texts).RunGenerators(compilation);

        // A description of the OTP verification changes OTP's file and nothing else.
        var edited = bundled.Text.Replace("    OTP:\n      type: object\n", "    OTP:\n      description: Verification attempts remaining.\n      type: object\n");
        Assert.NotEqual(bundled.Text, edited);
        driver = ReplaceSpec(driver, texts, bundled, edited).RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();

        var files = result.TrackedSteps[TrackingNames.Files].SelectMany(s => s.Outputs).ToList();
        var changed = files.Where(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New).Select(o => ((Model.FileToEmit)o.Value).File.FileName).ToList();
        Assert.Equal(new[] { "OTP" }, changed);
        Assert.True(files.Count > 10, files.Count + " files");
        Assert.Contains("Verification attempts remaining", result.GeneratedSources.Single(s => s.HintName == "clerk-user.OTP.g.cs").SourceText.ToString());
    }

    [Fact]
    public void Step_outputs_hold_only_plain_values()
    {
        var compilation = GeneratorHarness.CreateCompilation("public class A { }");
        var result = GeneratorHarness.CreateDriver(new[] { GeneratorHarness.BundledSpec(), Pets }).RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Equal(OurSteps.OrderBy(s => s), result.TrackedSteps.Keys.Where(OurSteps.Contains).OrderBy(s => s));
        foreach (var step in OurSteps)
        {
            foreach (var output in result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                AssertPlain(output.Value, step, depth: 0);
            }
        }
    }

    [Fact]
    public void Reading_the_same_spec_twice_gives_equal_models_with_equal_hash_codes()
    {
        var input = new Input.SpecInput(Pets.Path, GeneratorHarness.BundledSpec().Text, new Input.SpecOptions("Clerk.Models", null));

        var first = Read.SpecReader.Read(input, default);
        var second = Read.SpecReader.Read(input with { Text = input.Text + "\n\n# comment\n" }, default);

        Assert.NotNull(first.Model);
        Assert.Equal(first.Model, second.Model);
        Assert.Equal(first.Model!.GetHashCode(), second.Model!.GetHashCode());
        Assert.NotEqual(first.Model, Read.SpecReader.Read(input with { Text = input.Text.Replace("first_name:", "given_name:") }, default).Model);
    }

    private static GeneratorDriver ReplaceSpec(GeneratorDriver driver, ImmutableArray<AdditionalText> texts, SpecFile spec, string newText)
        => driver.ReplaceAdditionalText(texts.Single(t => t.Path == spec.Path), new InMemorySpecText(spec.Path, newText));

    private static void AssertAllCachedOrUnchanged(GeneratorRunResult result, params string[] steps)
    {
        foreach (var step in steps)
        {
            foreach (var output in result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {output.Reason}");
            }
        }
    }

    /// <summary>Fails on anything from Roslyn that would tie the cache to a compilation or a file object.</summary>
    private static void AssertPlain(object? value, string step, int depth)
    {
        if (value is null || depth > 12 || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        Assert.False(value is Compilation or ISymbol or SyntaxNode or SyntaxTree or AdditionalText or AnalyzerConfigOptions or AnalyzerConfigOptionsProvider or SemanticModel,
            $"Step '{step}' holds a {value.GetType().Name}.");

        if (value is IEnumerable sequence)
        {
            foreach (var item in sequence)
            {
                AssertPlain(item, step, depth + 1);
            }

            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            if (property.Name == "EqualityContract")
            {
                continue;
            }

            AssertPlain(property.GetValue(value), step, depth + 1);
        }
    }
}
