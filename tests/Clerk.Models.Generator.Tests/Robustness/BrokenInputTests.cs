using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Clerk.Models.Generator.Tests.Infrastructure;
using Clerk.Models.Generator.Tests.Robustness.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Clerk.Models.Generator.Tests.Robustness;

/// <summary>
/// Broken input gives diagnostics located where the problem is (or is ignored when it is not
/// OpenAPI), within bounded time and memory; nothing throws into the compiler and nothing hangs.
/// </summary>
public sealed class BrokenInputTests
{
    /// <summary>A spec file under Specs/broken, and the 1-based lines between which a diagnostic must point.</summary>
    public static TheoryData<string, int, int> ReportedAtTheirLine() => new()
    {
        { "syntax-unclosed-flow.yaml", 10, 11 },
        { "syntax-unterminated-quote.yaml", 9, 9 },
        { "syntax-bad-indentation.yaml", 9, 9 },
        { "syntax-tab-indentation.yaml", 8, 9 },
        { "syntax-truncated.json", 5, 6 },
        { "trailing-commas.json", 9, 9 },
        { "duplicate-keys.yaml", 10, 10 },
        { "duplicate-keys.json", 10, 10 },
        { "duplicate-keys-nested.json", 10, 10 },
        { "refs-relative-file-3.1.yaml", 11, 11 },
        { "wrong-properties-number.yaml", 9, 9 },
        { "wrong-required-string.yaml", 9, 9 },
        { "wrong-required-items.yaml", 9, 9 },
        { "wrong-type-number.yaml", 8, 8 },
        { "wrong-type-unknown.yaml", 8, 8 },
        { "wrong-enum-mapping.yaml", 9, 9 },
        { "wrong-items-number.yaml", 10, 10 },
        { "wrong-allof-mapping.yaml", 8, 8 },
        { "wrong-oneof-string.yaml", 8, 8 },
        { "wrong-nullable-string.yaml", 10, 10 },
        { "wrong-deprecated-string.yaml", 10, 10 },
        { "wrong-additional-properties-number.yaml", 11, 11 },
        { "wrong-ref-mapping.yaml", 9, 10 },
        { "wrong-schema-number.yaml", 7, 7 },
        { "wrong-schema-null.yaml", 7, 7 },
        { "wrong-property-null.yaml", 10, 10 },
        { "wrong-property-string.yaml", 10, 10 },
        { "wrong-components-sequence.yaml", 5, 5 },
        { "wrong-schemas-number.yaml", 6, 6 },
        { "refs-empty.yaml", 11, 11 },
        { "refs-trailing-slash.yaml", 11, 11 },
        { "refs-pointer-into-schema.yaml", 11, 11 },
        { "version-4.yaml", 2, 2 },
        { "version-empty.yaml", 2, 2 },
        { "version-swagger-1.2.yaml", 2, 2 },
        { "version-sequence.yaml", 2, 2 },
    };

    public static TheoryData<string> NotSpecs() => new()
    {
        "not-spec-empty.yaml",
        "not-spec-empty.json",
        "not-spec-blank.yaml",
        "not-spec-bom-only.yaml",
        "not-spec-comments.yaml",
        "not-spec-nested-key.yaml",
        "not-spec-array.json",
        "not-spec-nested-key.json",
        "not-spec-pipeline.yaml",
    };

    [Theory]
    [MemberData(nameof(ReportedAtTheirLine))]
    public void Broken_spec_is_reported_at_the_line_of_the_problem(string file, int firstLine, int lastLine)
    {
        var run = Hostile.Run(Broken(file)).AssertDidNotThrow().AssertLocated();

        var problems = run.ReportedProblems;
        Assert.True(problems.Count > 0, $"Nothing reported for {file}; generated {run.Sources.Count} files.");
        var lines = problems.Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1).ToList();
        Assert.True(
            lines.Any(l => l >= firstLine && l <= lastLine),
            $"Expected a diagnostic on line {firstLine}{(lastLine != firstLine ? "-" + lastLine : string.Empty)} of {file}, got:\n{string.Join("\n", problems.Select(HostileRun.Shorten))}");

        // What was generated anyway must compile.
        if (run.ReportedErrors.Count == 0)
        {
            run.AssertCompiles();
        }
    }

    [Theory]
    [MemberData(nameof(NotSpecs))]
    public void Files_that_are_not_openapi_are_ignored(string file)
        => Hostile.Run(Broken(file)).AssertDidNotThrow().AssertIgnored();

    [Fact]
    public void A_reference_that_does_not_resolve_is_reported_where_it_is_and_the_rest_generates()
    {
        var run = Hostile.Run(Broken("refs-unresolved.yaml")).AssertDidNotThrow().AssertLocated().AssertCompiles();

        var unresolved = run.Reported.Where(d => d.Id == "CMG004").Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1).OrderBy(l => l);
        Assert.Equal(new[] { 11, 12, 13, 14 }, unresolved);
        var pet = run.Run.Source("refs-unresolved.Pet.g.cs");
        Assert.Contains("public global::Clerk.Models.Runtime.RawJson? A", pet);
        Assert.Contains("public string? Name", pet);
    }

    [Fact]
    public void References_to_other_files_are_reported_and_not_taken_for_a_local_schema()
    {
        var run = Hostile.Run(Broken("refs-external.yaml")).AssertDidNotThrow().AssertLocated();

        // CMG004 (does not resolve) or CMG012 (another file that is not a listed spec): either way, located.
        var unresolved = run.Reported.Where(d => d.Id is "CMG004" or "CMG012").Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1).OrderBy(l => l);
        Assert.Equal(new[] { 11, 12, 13 }, unresolved);
        var pet = run.Run.Source("refs-external.Pet.g.cs");
        Assert.Contains("public global::Clerk.Models.Runtime.RawJson? Sibling", pet);
        Assert.Contains("public global::Clerk.Models.Runtime.RawJson? Remote", pet);
        Assert.Contains("public global::Clerk.Models.Runtime.RawJson? File", pet);
    }

    [Fact]
    public void An_alias_bomb_is_reported_within_bounded_time_and_memory()
    {
        var run = Hostile.Run(Broken("alias-bomb.yaml")).AssertDidNotThrow().AssertLocated().AssertWithin(Hostile.DefaultBound);

        Assert.NotEmpty(run.ReportedProblems);
        Assert.True(run.AllocatedBytes < 512L * 1024 * 1024, $"Reading a {Hostile.SpecText("broken/alias-bomb.yaml").Length}-character spec allocated {run.AllocatedBytes / (1024 * 1024)} MB.");
    }

    public static TheoryData<string, string> DeeplyNested()
    {
        const int depth = 5000;
        var header = "openapi: 3.0.3\ninfo: {title: Deep, version: '1'}\npaths: {}\n";
        var schemas = "components:\n  schemas:\n    Pet: {type: object, properties: {name: {type: string}}}\n";
        var blockSequence = new StringBuilder("x-deep:\n");
        for (var i = 0; i < depth; i++)
        {
            blockSequence.Append(' ', 2 * i + 2).Append("-\n");
        }

        blockSequence.Append(' ', 2 * depth + 2).Append("leaf\n");
        return new TheoryData<string, string>
        {
            { "flow-sequences.yaml", header + "x-deep: " + new string('[', depth) + new string(']', depth) + "\n" + schemas },
            { "block-sequences.yaml", header + blockSequence + schemas },
            { "compact-sequences.yaml", header + "x-deep:\n  " + string.Concat(Enumerable.Repeat("- ", depth)) + "leaf\n" + schemas },
            { "flow-mappings.yaml", header + "x-deep: " + string.Concat(Enumerable.Repeat("{a: ", depth)) + "1" + new string('}', depth) + "\n" + schemas },
            { "schema-allof.yaml", header + "components:\n  schemas:\n    Pet: " + string.Concat(Enumerable.Repeat("{allOf: [", depth)) + "{type: object}" + string.Concat(Enumerable.Repeat("]}", depth)) + "\n" },
            { "arrays.json", "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"Deep\", \"version\": \"1\"}, \"paths\": {}, \"x-deep\": " + new string('[', depth) + new string(']', depth) + "}\n" },
            { "schema-items.json", "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"Deep\", \"version\": \"1\"}, \"paths\": {}, \"components\": {\"schemas\": {\"Pet\": " + string.Concat(Enumerable.Repeat("{\"type\": \"array\", \"items\": ", depth)) + "{\"type\": \"string\"}" + new string('}', depth) + "}}}\n" },
        };
    }

    [Theory]
    [MemberData(nameof(DeeplyNested))]
    public void Nesting_five_thousand_levels_deep_is_reported_not_overflowed(string name, string text)
    {
        var run = Hostile.Run(new SpecFile("/specs/deep-" + name, text, "Hostile")).AssertDidNotThrow().AssertLocated().AssertWithin(Hostile.DefaultBound);

        // Either a located limit or code that compiles: never a crash.
        if (run.ReportedErrors.Count == 0)
        {
            run.AssertCompiles();
        }
    }

    public static TheoryData<string> SameSpecOtherwiseEncoded() => new() { "bom", "crlf", "cr", "bom-crlf", "json", "json-bom", "quoted-yaml" };

    /// <summary>A byte order mark, CRLF or CR-only line ends, or the same document as JSON or fully quoted YAML change nothing.</summary>
    [Theory]
    [MemberData(nameof(SameSpecOtherwiseEncoded))]
    public void An_encoding_variant_of_the_bundled_spec_generates_the_same_code(string variant)
    {
        var bundled = GeneratorHarness.BundledSpec();
        var tree = YamlTree.Parse(bundled.Text);
        var (path, text) = variant switch
        {
            "bom" => ("/specs/clerk-user.yaml", "\uFEFF" + bundled.Text),
            "crlf" => ("/specs/clerk-user.yaml", bundled.Text.Replace("\n", "\r\n")),
            "cr" => ("/specs/clerk-user.yaml", bundled.Text.Replace("\n", "\r")),
            "bom-crlf" => ("/specs/clerk-user.yaml", "\uFEFF" + bundled.Text.Replace("\n", "\r\n")),
            "json" => ("/specs/clerk-user.json", YamlTree.ToJson(tree)),
            "json-bom" => ("/specs/clerk-user.json", "\uFEFF" + YamlTree.ToJson(tree)),
            _ => ("/specs/clerk-user.yaml", YamlTree.ToYaml(tree)),
        };
        var expected = Hostile.Run(bundled with { Path = "/specs/clerk-user.yaml" }, CompileMode.None);

        var run = Hostile.Run(new SpecFile(path, text, bundled.Namespace), CompileMode.None).AssertDidNotThrow().AssertNoReportedProblems();

        Assert.Equal(expected.Sources.Select(s => s.HintName), run.Sources.Select(s => s.HintName));
        foreach (var (want, got) in expected.Sources.Zip(run.Sources))
        {
            // The docs name the spec file a type comes from, which the JSON variants rename.
            var gotText = got.SourceText.ToString().Replace("clerk-user.json#/", "clerk-user.yaml#/", StringComparison.Ordinal);
            Assert.True(want.SourceText.ToString() == gotText, $"{got.HintName} differs for the '{variant}' variant.");
        }

        // Diagnostics stay on their lines whatever the line ends.
        if (!variant.StartsWith("json", StringComparison.Ordinal) && variant != "quoted-yaml")
        {
            Assert.Equal(Lines(expected), Lines(run));
        }
    }

    public static TheoryData<int> TruncationPoints() => new() { 1, 2, 3, 4, 5, 6, 7 };

    /// <summary>The bundled spec cut at one of eight evenly spaced points, mid-token.</summary>
    [Theory]
    [MemberData(nameof(TruncationPoints))]
    public void A_truncated_spec_compiles_or_is_reported(int eighth)
    {
        var bundled = GeneratorHarness.BundledSpec();
        var cut = bundled.Text.Length * eighth / 8;

        var run = Hostile.Run(bundled with { Path = "/specs/clerk-user.yaml", Text = bundled.Text.Substring(0, cut) }).AssertDidNotThrow().AssertLocated();

        if (run.ReportedErrors.Count == 0)
        {
            run.AssertCompiles();
        }
    }

    private static IEnumerable<(string Id, int Line, int Column)> Lines(HostileRun run)
        => run.Reported.Select(d => (d.Id, d.Location.GetLineSpan().StartLinePosition.Line, d.Location.GetLineSpan().StartLinePosition.Character));

    private static SpecFile Broken(string file)
    {
        var spec = Hostile.Spec("broken/" + file);
        return spec with { Path = "/specs/" + file };
    }
}
