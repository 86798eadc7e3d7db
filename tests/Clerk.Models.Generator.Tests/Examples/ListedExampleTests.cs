using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace Clerk.Models.Generator.Tests.Examples;

/// <summary>
/// What <c>contradicting-examples.md</c> says of the examples it lists as lacking required members:
/// generated with <c>RequiredMembers=lenient</c>, each reads into its type (and a webhook's into its
/// <c>WebhookEvent</c> case) and writes back exactly, so nothing else keeps it from coming back.
/// </summary>
public sealed class ListedExampleTests(CompiledExampleSpecs specs, ITestOutputHelper output) : IClassFixture<CompiledExampleSpecs>
{
    public static TheoryData<string, string> ExamplesThatLackRequiredMembers()
        => ExampleChecks.Rows(ListedExamples.All.Where(l => l.Section == ListedExamples.LacksRequiredMembers).Select(l => (l.Spec, l.Pointer)));

    [Theory]
    [MemberData(nameof(ExamplesThatLackRequiredMembers))]
    public void Example_that_lacks_required_members_comes_back_with_lenient_required_members(string spec, string pointer)
    {
        var lenient = ExampleSpec.Named(spec).WithLenientRequiredMembers();
        var (example, json, loaded) = ExampleChecks.Prepare(specs, lenient, pointer, Listed);

        var failures = ExampleChecks.RoundTripAsItsTypes(example, json, loaded, output)
            .Concat(loaded.Catalog.WebhookCaseOf(example.Example) is null ? Array.Empty<string>() : ExampleChecks.RoundTripAsWebhookEvent(example, json, loaded, output))
            .ToList();

        Assert.True(failures.Count == 0, $"{spec}#{pointer}, with RequiredMembers=lenient: {string.Join("\n", failures)}\nexample: {json}");
    }

    private static IEnumerable<CatalogedExample> Listed(ExampleCatalog catalog)
        => ListedExamples.All.Where(l => l.Spec == catalog.Spec.Name && l.Section == ListedExamples.LacksRequiredMembers).Select(l => catalog.At(l.Pointer));
}
