using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Clerk.Models.Generator.Tests.Infrastructure;
using Clerk.Models.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Sdk;

namespace Clerk.Models.Generator.Tests.Constructs;

/// <summary>
/// One OpenAPI construct per folder under <c>Constructs/Cases</c> (see Constructs/README.md for
/// what each expects). Each check is its own theory so that a case reports every problem, not the first.
/// </summary>
public sealed class ConstructTests : IClassFixture<CaseBuilds>
{
    private readonly CaseBuilds _builds;

    public ConstructTests(CaseBuilds builds) => _builds = builds;

    public static TheoryData<string> Cases => new(ConstructCase.Names());

    [Fact]
    public void Corpus_is_well_formed()
    {
        var names = ConstructCase.Names();
        Assert.True(names.Count >= 45, $"Only {names.Count} cases.");

        var problems = new List<string>();
        foreach (var duplicate in names.GroupBy(ConstructCase.NamespaceSegment).Where(g => g.Count() > 1))
        {
            problems.Add("same namespace for " + string.Join(", ", duplicate));
        }

        var readme = File.ReadAllText(Path.Combine(ConstructCase.Root, "..", "README.md"));
        foreach (var name in names)
        {
            var construct = ConstructCase.Load(name);
            if (construct.Specs.Count == 0)
            {
                problems.Add(name + ": no spec file");
            }

            if (construct.Payloads.Count == 0)
            {
                problems.Add(name + ": no payload");
            }

            if (!SyntaxFacts.IsValidIdentifier(ConstructCase.NamespaceSegment(name)))
            {
                problems.Add(name + ": does not give a valid namespace");
            }

            problems.AddRange(construct.Payloads.Where(p => p.IsError && p.ErrorPath is null).Select(p => $"{name}/{p.FileName}: no .error.path file"));
            problems.AddRange(construct.StrayFiles.Select(f => $"{name}/{f}: not a spec, payload or expectation file"));
            if (!readme.Contains("`" + name + "`", StringComparison.Ordinal))
            {
                problems.Add(name + ": not described in Constructs/README.md");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>No error (nor warning) unless the case lists every diagnostic it expects, each located in a spec.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Diagnostics_are_the_expected_ones(string name)
    {
        var build = _builds.Get(name);
        var diagnostics = build.Run.GeneratorDiagnostics;
        var listing = diagnostics.Length == 0 ? "(none)" : string.Join("\n", diagnostics.Select(d => d.ToString()));

        if (build.Case.ExpectedDiagnostics is not { } expected)
        {
            var unexpected = diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning || d.DefaultSeverity == DiagnosticSeverity.Error).ToList();
            Assert.True(unexpected.Count == 0, "Unexpected diagnostics:\n" + listing);
            return;
        }

        var actualIds = diagnostics.Select(d => d.Id).OrderBy(i => i, StringComparer.Ordinal).ToList();
        var expectedIds = expected.OrderBy(i => i, StringComparer.Ordinal).ToList();
        Assert.True(expectedIds.SequenceEqual(actualIds), $"Expected diagnostics [{string.Join(", ", expectedIds)}] but got:\n{listing}");

        var specPaths = build.Case.Specs.Select(s => s.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var diagnostic in diagnostics)
        {
            var span = diagnostic.Location.GetLineSpan();
            Assert.True(
                diagnostic.Location.Kind == LocationKind.ExternalFile && specPaths.Contains(span.Path) && span.StartLinePosition.Line > 0,
                "Not located on a line of the spec: " + diagnostic);
        }
    }

    /// <summary>The generated code compiles with every warning enabled and none reported.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_code_compiles_without_warnings(string name)
    {
        var build = _builds.Get(name);
        Assert.True(build.Run.Sources.Count > 0, "Nothing was generated.");

        var strict = build.Run.Output.WithOptions(((CSharpCompilationOptions)build.Run.Output.Options)
            .WithWarningLevel(9999)
            .WithGeneralDiagnosticOption(ReportDiagnostic.Error));
        var problems = strict.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, problems.Count + " problems:\n" + string.Join("\n", problems.Take(10)));
    }

    /// <summary>
    /// Each payload reads as its root type and writes back as the same JSON; reading that again gives
    /// an equal value with an equal hash code. Error payloads fail with a JsonException at their path.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Payloads_round_trip_exactly(string name)
    {
        var build = _builds.Get(name);
        var loaded = build.Loaded;
        var failures = new List<string>();
        foreach (var payload in build.Case.Payloads)
        {
            try
            {
                CheckPayload(loaded, payload);
            }
            catch (Exception ex)
            {
                // Anything a converter throws is a finding about this payload, not a reason to skip the others.
                failures.Add(payload.FileName + ": " + (ex is XunitException ? string.Empty : ex.GetType().Name + ": ") + ex.Message);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The C# shape the case's shape.txt describes: types, member types, enum values.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_types_have_the_expected_shape(string name)
    {
        var build = _builds.Get(name);
        var loaded = build.Loaded;
        var failures = build.Case.ShapeLines
            .Select(line => (line, problem: ShapeCheck.Check(loaded, line)))
            .Where(x => x.problem is not null)
            .Select(x => $"{x.line}  ->  {x.problem}")
            .ToList();

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Every generated file against its approved snapshot under Snapshots/constructs/{case}.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_files_match_snapshots(string name)
    {
        var build = _builds.Get(name);
        Assert.True(build.Run.Sources.Count > 0, "Nothing was generated.");

        var folder = "constructs/" + name;
        var failures = new List<string>();
        foreach (var source in build.Run.Sources.OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            try
            {
                Snapshots.Verify(folder, source.HintName, source.SourceText.ToString());
            }
            catch (XunitException ex)
            {
                failures.Add(ex.Message);
            }
        }

        var directory = Snapshots.Directory(folder);
        var generated = build.Run.Sources.Select(s => s.HintName).ToHashSet(StringComparer.Ordinal);
        var stale = Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.g.cs").Select(f => Path.GetFileName(f)!).Where(f => !f.EndsWith(".received.g.cs", StringComparison.Ordinal) && !generated.Contains(f)).ToList()
            : new List<string>();
        foreach (var file in stale)
        {
            if (Environment.GetEnvironmentVariable(Snapshots.AcceptVariable) == "1")
            {
                File.Delete(Path.Combine(directory, file));
            }
            else
            {
                failures.Add($"Snapshot {folder}/{file} is no longer generated; delete it, or run with {Snapshots.AcceptVariable}=1.");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    private static void CheckPayload(LoadedCase loaded, Payload payload)
    {
        var type = loaded.FindType(payload.RootType) ?? throw new XunitException($"Type {loaded.Namespace}.{payload.RootType} was not generated.");

        if (payload.IsError)
        {
            object? read;
            try
            {
                read = JsonSerializer.Deserialize(payload.Json, type);
            }
            catch (JsonException ex)
            {
                if (ex.Path != payload.ErrorPath)
                {
                    throw new XunitException($"JsonException at '{ex.Path}', expected '{payload.ErrorPath}': {ex.Message}");
                }

                return;
            }

            throw new XunitException($"Read without error ({Describe(loaded, read)}); expected a JsonException at '{payload.ErrorPath}'.");
        }

        var first = JsonSerializer.Deserialize(payload.Json, type);
        if (payload.ExpectedCase is { } expectedCase && Describe(loaded, first) != expectedCase)
        {
            throw new XunitException($"Read as {Describe(loaded, first)}, expected {expectedCase}.");
        }

        var written = JsonSerializer.Serialize(first, type);
        JsonAssert.Equal(payload.Json, written);

        var second = JsonSerializer.Deserialize(written, type);
        if (!Equals(first, second))
        {
            throw new XunitException("Reading the written JSON again gives a value that is not Equals to the first.");
        }

        if (first?.GetHashCode() != second?.GetHashCode())
        {
            throw new XunitException("Reading the written JSON again gives an equal value with another hash code.");
        }
    }

    private static string Describe(LoadedCase loaded, object? value) => value is null ? "null" : loaded.RelativeName(value.GetType());
}
