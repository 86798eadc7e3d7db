using System.Collections.Generic;
using System.IO;
using System.Linq;
using Clerk.Models.Generator.Model;
using Xunit;
using Xunit.Abstractions;

namespace Clerk.Models.Generator.Tests.Examples;

/// <summary>What <see cref="ExampleRoundTripTests"/> tests: which examples, which types, and the list of those that fail.</summary>
public sealed class ExampleCatalogTests(ITestOutputHelper output)
{
    /// <summary>Each listed example is one the round trip tests: a row that names nothing would never be checked.</summary>
    [Fact]
    public void Every_listed_example_is_a_modelled_example_of_its_spec()
    {
        var listed = ListedExamples.All;
        var problems = new List<string>();
        foreach (var row in listed)
        {
            if (ExampleSpec.All.SingleOrDefault(s => s.Name == row.Spec) is not { } spec)
            {
                problems.Add($"line {row.Line}: '{row.Spec}' is not one of the specs tested ({string.Join(", ", ExampleSpec.All.Select(s => s.Name))})");
            }
            else if (!ExampleCatalog.Of(spec).Modelled.Any(m => m.Example.Pointer == row.Pointer))
            {
                problems.Add($"line {row.Line}: {row.Spec} has no modelled example at {row.Pointer}");
            }
        }

        problems.AddRange(listed.GroupBy(l => (l.Spec, l.Pointer)).Where(g => g.Count() > 1).Select(g => $"{g.Key.Spec}#{g.Key.Pointer} is listed {g.Count()} times"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Clerk's 45 webhook events each get a type and a WebhookEvent case, and each has an example that is tested.</summary>
    [Fact]
    public void Webhooks_spec_yields_45_event_types_and_WebhookEvent_each_with_examples()
    {
        var catalog = ExampleCatalog.Of(ExampleSpec.Named("clerk-webhooks.yaml"));
        var union = catalog.WebhookEvent;

        Assert.NotNull(union);
        Assert.Equal(45, union.Cases.Count);
        Assert.All(union.Cases, c => Assert.Equal(c.CaseName + "Event", c.Type.Name));
        Assert.Equal(45, catalog.Types.Keys.Count(n => union.Cases.Any(c => c.Type.Name == n)));
        var tested = catalog.Modelled.Select(e => catalog.WebhookCaseOf(e.Example)).OfType<UnionCaseModel>().Distinct().ToList();
        Assert.Equal(union.Cases.Select(c => c.CaseName).OrderBy(n => n), tested.Select(c => c.CaseName).OrderBy(n => n));
    }

    /// <summary>
    /// The full spec tested is the copy under benchmarks/; when the shared checkout is beside the
    /// repository, its spec must be that same text, or the examples tested are not Clerk's current ones.
    /// </summary>
    [SkippableFact]
    public void Full_spec_tested_is_the_shared_one_when_that_is_there()
    {
        Skip.IfNot(File.Exists(ExampleSpec.SharedFullSpecPath), $"No shared spec at {ExampleSpec.SharedFullSpecPath}; the copy under benchmarks/ is tested.");

        var copy = ExampleSpec.Named("bapi-2025-03-12.yml");
        Assert.True(
            File.ReadAllText(ExampleSpec.SharedFullSpecPath) == File.ReadAllText(copy.Path),
            $"{ExampleSpec.SharedFullSpecPath} differs from {copy.Path}: copy it there, and bring {ListedExamples.FileName} up to date.");
    }

    /// <summary>How many examples each spec has, how many are tested, and why the others are not.</summary>
    [Theory]
    [InlineData("clerk-user.yaml", 2, 0)]
    [InlineData("clerk-webhooks.yaml", 50, 47)]
    [InlineData("bapi-2025-03-12.yml", 30, 4)]
    public void Examples_are_counted(string spec, int found, int modelled)
    {
        var catalog = ExampleCatalog.Of(ExampleSpec.Named(spec));
        var listed = ListedExamples.All.Count(l => l.Spec == spec);
        output.WriteLine($"{spec}: {catalog.Examples.Count} found, {catalog.Modelled.Count()} modelled, {catalog.Modelled.Count() - listed} round-trip, {listed} listed as contradicting");
        foreach (var group in catalog.Examples.Where(e => !e.IsModelled).GroupBy(e => e.LeftOutBecause).OrderByDescending(g => g.Count()))
        {
            output.WriteLine($"  left out, {group.Key}: {group.Count()}");
            foreach (var example in group)
            {
                output.WriteLine("    " + example.Example.Pointer);
            }
        }

        Assert.Equal((found, modelled), (catalog.Examples.Count, catalog.Modelled.Count()));
    }
}
