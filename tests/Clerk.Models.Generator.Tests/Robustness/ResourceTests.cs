using System;
using System.IO;
using System.Linq;
using Clerk.Models.Generator.Tests.Infrastructure;
using Clerk.Models.Generator.Tests.Robustness.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Clerk.Models.Generator.Tests.Robustness;

/// <summary>A spec far larger than any real one still generates, in bounded time, every type it declares.</summary>
public sealed class ResourceTests(ITestOutputHelper output)
{
    private const int FiveMegabytes = 5 * 1024 * 1024;

    /// <summary>
    /// Clerk's full Backend API spec (kept with the benchmarks) with its schemas repeated under other
    /// names to 5 MB. The bound is generous for a loaded 2-core machine; the figures measured on a quiet
    /// one are in docs/performance.md.
    /// </summary>
    [Fact]
    public void A_five_megabyte_spec_generates_within_the_bound()
    {
        var clerk = File.ReadAllText(GeneratorHarness.RepoFile("benchmarks", "Clerk.Models.Benchmarks", "Inputs", "bapi-2025-03-12.yml"));
        var (text, copies, _) = SpecMultiplier.Multiply(clerk, FiveMegabytes);
        var single = Hostile.Run(new SpecFile("/specs/clerk.yaml", clerk, "Clerk.Full"), CompileMode.None, TimeSpan.FromSeconds(120)).AssertDidNotThrow();

        var run = Hostile.Run(new SpecFile("/specs/clerk.yaml", text, "Clerk.Full"), CompileMode.None, TimeSpan.FromSeconds(300)).AssertDidNotThrow();

        output.WriteLine($"{text.Length:N0} characters, {copies} copies of the schemas: generated in {run.GenerationTime.TotalSeconds:F1} s, {run.AllocatedBytes / (1024 * 1024):N0} MB allocated on the generator's thread, {run.Sources.Sum(s => s.SourceText.Length):N0} characters of C#.");
        Assert.True(text.Length >= FiveMegabytes);
        Assert.DoesNotContain(run.ReportedProblems, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);

        // Every copy of every component's model, the operations' payloads once, and nothing else.
        var payloads = single.ModelSources.Count(s => !s.SourceText.ToString().Contains("#/components/schemas/", StringComparison.Ordinal));
        Assert.True(payloads > 0);
        Assert.Equal(((single.ModelSources.Count - payloads) * copies) + payloads, run.ModelSources.Count);
    }
}
