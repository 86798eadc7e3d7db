using System;
using System.Collections.Generic;
using Clerk.Models.Generator.Model;
using Clerk.Models.Generator.Tests.Robustness.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Clerk.Models.Generator.Tests.Examples;

/// <summary>The round trips the example tests make, each giving the reasons an example does not come back.</summary>
internal static class ExampleChecks
{
    /// <summary>Theory data: one case per example, named by its spec and pointer.</summary>
    public static TheoryData<string, string> Rows(IEnumerable<(string Spec, string Pointer)> rows)
    {
        var data = new TheoryData<string, string>();
        foreach (var (spec, pointer) in rows)
        {
            data.Add(spec, pointer);
        }

        return data;
    }

    /// <summary>The example at <paramref name="pointer"/>, its JSON, and the spec's models compiled for the examples <paramref name="tested"/>.</summary>
    public static (CatalogedExample Example, string Json, LoadedExampleSpec Loaded) Prepare(
        CompiledExampleSpecs specs, ExampleSpec spec, string pointer, Func<ExampleCatalog, IEnumerable<CatalogedExample>> tested)
    {
        var example = ExampleCatalog.Of(spec).At(pointer);
        return (example, YamlTree.ToJson(example.Example.Value!), specs.Load(spec, tested));
    }

    /// <summary>Reads the example as each type of its schema and writes it back.</summary>
    public static List<string> RoundTripAsItsTypes(CatalogedExample example, string json, LoadedExampleSpec loaded, ITestOutputHelper output)
    {
        var failures = new List<string>();
        foreach (var type in example.Types)
        {
            var result = loaded.RoundTrip(json, type);
            Report(output, example, type, result);
            if (result.Failure is { } failure)
            {
                failures.Add(failure);
            }
        }

        return failures;
    }

    /// <summary>Reads a webhook's example as <c>WebhookEvent</c>: it must be that webhook's case, holding its event type, and come back exactly.</summary>
    public static List<string> RoundTripAsWebhookEvent(CatalogedExample example, string json, LoadedExampleSpec loaded, ITestOutputHelper output)
    {
        var union = loaded.Catalog.WebhookEvent!;
        var expected = loaded.Catalog.WebhookCaseOf(example.Example)!;
        var type = new TypeRef(TypeKind.Union, union.Name);
        var result = loaded.RoundTrip(json, type);
        Report(output, example, type, result);
        if (result.Failure is { } failure)
        {
            return new List<string> { failure };
        }

        var read = loaded.CaseOf(result.Value!, union);
        var held = result.Value!.GetType().GetProperty("Value")?.GetValue(result.Value)?.GetType().Name;
        return read == expected && held == expected.Type.Name
            ? new List<string>()
            : new List<string> { $"it reads as {union.Name}.{read?.CaseName ?? union.UnknownCaseName} holding {held ?? "raw JSON"}, not as {union.Name}.{expected.CaseName} holding {expected.Type.Name}" };
    }

    private static void Report(ITestOutputHelper output, CatalogedExample example, TypeRef type, RoundTrip result)
    {
        output.WriteLine($"{example.Example.ValuePointer} as {LoadedExampleSpec.Display(type)}");
        if (result.ReorderedAt.Count > 0)
        {
            output.WriteLine("  members put in schema order at " + string.Join(", ", result.ReorderedAt));
        }
    }
}
