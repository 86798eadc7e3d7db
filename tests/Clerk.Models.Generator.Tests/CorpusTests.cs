using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Clerk.Models.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Clerk.Models.Generator.Tests;

/// <summary>
/// Public specs from ../shared (Clerk's full Backend API, the OpenAPI Initiative's examples, a peer
/// generator's edge cases) generate code that compiles with no warnings. Skipped, with the reason,
/// when ../shared is not beside the repository.
/// </summary>
public sealed class CorpusTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly string SharedRoot = Path.GetFullPath(GeneratorHarness.RepoFile("..", "shared"));

    public static TheoryData<string> CorpusSpecs()
    {
        var data = new TheoryData<string>();
        foreach (var file in SpecsUnder(SharedRoot))
        {
            data.Add(Path.GetRelativePath(SharedRoot, file));
        }

        if (data.Count == 0)
        {
            data.Add(string.Empty);
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(CorpusSpecs))]
    public void Shared_spec_generates_code_that_compiles_without_warnings(string relativePath)
    {
        Skip.If(relativePath.Length == 0, $"The shared corpus is not present at {SharedRoot}; these tests run when it is.");
        var path = Path.Combine(SharedRoot, relativePath);

        var run = GeneratorHarness.Run(new SpecFile(path, File.ReadAllText(path), "Corpus"));
        output.WriteLine($"{relativePath}: {run.Sources.Count} files; diagnostics: "
            + string.Join(", ", run.GeneratorDiagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => $"{g.Key} x{g.Count()}")));

        // Warnings about the spec are fine (the compilation here makes every warning an error); generator errors are not.
        var errors = run.GeneratorDiagnostics.Where(d => d.DefaultSeverity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.True(run.CompilationProblems.Count == 0, string.Join("\n", run.CompilationProblems.Take(20)));
    }

    private static IEnumerable<string> SpecsUnder(string root)
    {
        if (!Directory.Exists(root))
        {
            return Array.Empty<string>();
        }

        var corpus = Path.Combine(root, "corpus");
        var clerk = Path.Combine(root, "clerk-openapi");
        return new[] { corpus, clerk }
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal);
    }
}
