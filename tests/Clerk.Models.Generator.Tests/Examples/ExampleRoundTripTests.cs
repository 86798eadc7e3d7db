using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace Clerk.Models.Generator.Tests.Examples;

/// <summary>
/// Every example in the bundled specs and in Clerk's full Backend API spec (the copy under
/// benchmarks/) that belongs to a schema the generator makes a type for is read into that type and
/// written back exactly: the same members, the same number and string text, absent stays absent and
/// null stays null, and read again it is an equal value. That is a Schema Object's <c>example</c> or
/// <c>examples</c> item on a schema with a generated type (a component, an inline object, enum or
/// union, a request or response body, a webhook), and a Media Type Object's or Parameter's
/// <c>example</c> or <c>examples</c> (Example Objects, <c>$ref</c>s to <c>components/examples</c>
/// followed) whose schema has one, directly or through a <c>$ref</c>, array items or map values.
/// <para>
/// Member order: the writer writes a record's known members in the schema's order and the others
/// after them, so an object of a record whose example lists its members in another order is
/// compared with that object's members in the schema's order; every other object, and every
/// example already in the schema's order, must come back in the example's order (see
/// <see cref="SchemaOrder"/>).
/// </para>
/// <para>
/// Each webhook example also reads as <c>WebhookEvent</c> into the case of the webhook it is
/// written under, not <c>Unknown</c>, and writes back exactly from there.
/// </para>
/// <para>
/// Each spec is generated and compiled once for the class, with only the types its examples need
/// (see <see cref="LoadedExampleSpec"/>); each example is a test case named by its spec and pointer.
/// </para>
/// <para>
/// Examples of schemas without a type of their own (a member's timestamp, a query parameter's
/// integer, free-form JSON) are left out, each with its reason (ExampleCatalogTests counts them). An example that contradicts its schema is listed in <c>contradicting-examples.md</c>
/// with why; a listed example must still fail, with the failure listed.
/// </para>
/// </summary>
public sealed class ExampleRoundTripTests(CompiledExampleSpecs specs, ITestOutputHelper output) : IClassFixture<CompiledExampleSpecs>
{
    public static TheoryData<string, string> ModelledExamples()
        => ExampleChecks.Rows(ExampleSpec.All.SelectMany(spec => ExampleCatalog.Of(spec).Modelled.Select(e => (spec.Name, e.Example.Pointer))));

    public static TheoryData<string, string> WebhookExamples()
        => ExampleChecks.Rows(ExampleSpec.All.SelectMany(spec =>
        {
            var catalog = ExampleCatalog.Of(spec);
            return catalog.Modelled.Where(e => catalog.WebhookCaseOf(e.Example) is not null).Select(e => (spec.Name, e.Example.Pointer));
        }));

    [Theory]
    [MemberData(nameof(ModelledExamples))]
    public void Example_reads_into_its_type_and_writes_back_exactly(string spec, string pointer)
    {
        var (example, json, loaded) = Prepare(spec, pointer);

        var failures = ExampleChecks.RoundTripAsItsTypes(example, json, loaded, output);

        AssertAsListed(spec, pointer, json, failures);
    }

    [Theory]
    [MemberData(nameof(WebhookExamples))]
    public void Webhook_example_reads_into_its_WebhookEvent_case_and_writes_back_exactly(string spec, string pointer)
    {
        var (example, json, loaded) = Prepare(spec, pointer);

        var failures = ExampleChecks.RoundTripAsWebhookEvent(example, json, loaded, output);

        AssertAsListed(spec, pointer, json, failures);
    }

    /// <summary>An example that is not listed must come back; a listed one must fail, and as listed.</summary>
    private static void AssertAsListed(string spec, string pointer, string json, IReadOnlyList<string> failures)
    {
        var listed = ListedExamples.Find(spec, pointer);
        if (listed is null)
        {
            Assert.True(failures.Count == 0, $"{spec}#{pointer}: {string.Join("\n", failures)}\nexample: {json}");
            return;
        }

        Assert.True(failures.Count > 0, $"{spec}#{pointer} is listed in {ListedExamples.FileName} (line {listed.Line}) but reads and writes back exactly now: take it off the list.");
        Assert.True(
            failures.All(f => f.Contains(listed.FailsWith, StringComparison.Ordinal)),
            $"{spec}#{pointer} fails, but not as {ListedExamples.FileName} says (line {listed.Line}: '{listed.FailsWith}'):\n{string.Join("\n", failures)}");
    }

    private (CatalogedExample Example, string Json, LoadedExampleSpec Loaded) Prepare(string spec, string pointer)
        => ExampleChecks.Prepare(specs, ExampleSpec.Named(spec), pointer, catalog => catalog.Modelled);
}
