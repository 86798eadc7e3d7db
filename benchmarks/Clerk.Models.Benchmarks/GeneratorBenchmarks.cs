using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Clerk.Models.Generator;
using Clerk.Models.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Clerk.Models.Benchmarks;

[BenchmarkCategory("generator-bundled")]
public class GeneratorBundledSpec : GeneratorBenchmarks
{
    protected override string SpecFileName => "clerk-user.yaml";
}

[BenchmarkCategory("generator-full")]
public class GeneratorFullSpec : GeneratorBenchmarks
{
    protected override string SpecFileName => "bapi-2025-03-12.yml";
}

/// <summary>
/// Clerk's schemas repeated to 3 MB (3,200 generated files): where the compiler's own driver, which
/// re-adds every cached file on every run, costs more than the generator.
/// </summary>
[BenchmarkCategory("generator-large")]
public class GeneratorLargeSpec : GeneratorBenchmarks
{
    protected override string SpecFileName => "clerk-3mb.yaml";

    protected override string LoadSpec()
        => Clerk.Models.Generator.Tests.Robustness.Infrastructure.SpecMultiplier.Multiply(Resources.Input("bapi-2025-03-12.yml"), 3 * 1024 * 1024).Text;
}

/// <summary>
/// What the generator costs a build and an IDE: a first run over a spec, compared with what parsing
/// that spec alone costs, and a re-run after a C# edit that has nothing to do with the spec.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public abstract class GeneratorBenchmarks
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private string _text = string.Empty;
    private ImmutableArray<AdditionalText> _specs;
    private InMemoryOptionsProvider _options = null!;
    private CSharpCompilation _compilation = null!;
    private SyntaxTree _original = null!;
    private SyntaxTree _edited = null!;
    private GeneratorDriver _ranOnce = null!;

    protected abstract string SpecFileName { get; }

    protected virtual string LoadSpec() => Resources.Input(SpecFileName);

    [GlobalSetup]
    public void Setup()
    {
        _text = LoadSpec();
        var path = "/consumer/specs/" + SpecFileName;
        _specs = ImmutableArray.Create<AdditionalText>(new InMemorySpecText(path, _text));
        _options = ConsumerOptions(path, "Clerk.Models");
        _original = CSharpSyntaxTree.ParseText("namespace Consumer; public static class Startup { public static int Answer() => 41; }", ParseOptions, "/consumer/Startup.cs");
        _edited = CSharpSyntaxTree.ParseText("namespace Consumer; public static class Startup { public static int Answer() => 42; }", ParseOptions, "/consumer/Startup.cs");
        _compilation = CSharpCompilation.Create(
            "Consumer",
            new[] { _original },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        _ranOnce = CreateDriver().RunGenerators(_compilation);
        var first = Check(_ranOnce, "first run");
        var again = Check(RerunAfterUnrelatedEdit(), "re-run");
        if (again != first || ParseAlone() is null)
        {
            throw new InvalidOperationException($"The re-run produced {again} files, the first run {first}.");
        }
    }

    /// <summary>OpenAPI.NET alone, called as the generator calls it.</summary>
    [Benchmark(Baseline = true)]
    public OpenApiDocument? ParseAlone()
    {
        var settings = new OpenApiReaderSettings { RuleSet = ValidationRuleSet.GetEmptyRuleSet() };
        settings.AddYamlReader();
        return OpenApiDocument.Parse(_text, "yaml", settings).Document;
    }

    /// <summary>A first run, as in a command-line build: detection, reading, emitting, and Roslyn parsing what was emitted.</summary>
    [Benchmark]
    public GeneratorDriver Generate() => CreateDriver().RunGenerators(_compilation);

    /// <summary>The run an IDE does on a keystroke in an unrelated file; a new compilation each time, as there.</summary>
    [Benchmark]
    public GeneratorDriver RerunAfterUnrelatedEdit() => _ranOnce.RunGenerators(_compilation.ReplaceSyntaxTree(_original, _edited));

    private GeneratorDriver CreateDriver()
        => CSharpGeneratorDriver.Create(
            new[] { new ModelGenerator().AsSourceGenerator() },
            _specs,
            ParseOptions,
            _options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    private int Check(GeneratorDriver driver, string what)
    {
        var result = driver.GetRunResult().Results.Single();
        if (result.Exception is not null)
        {
            throw new InvalidOperationException($"The generator threw on {SpecFileName} ({what}).", result.Exception);
        }

        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0 || result.GeneratedSources.IsEmpty)
        {
            throw new InvalidOperationException($"The generator failed on {SpecFileName} ({what}): {string.Join("; ", errors)}");
        }

        var bytes = result.GeneratedSources.Sum(s => s.SourceText.Length);
        Console.WriteLine($"// {SpecFileName} ({_text.Length} chars), {what}: {result.GeneratedSources.Length} files, {bytes} chars, "
            + $"{result.Diagnostics.Length} diagnostics ({string.Join(", ", result.Diagnostics.GroupBy(d => d.Id).Select(g => g.Key + " x" + g.Count()))}).");
        return result.GeneratedSources.Length;
    }

    /// <summary>The options MSBuild would pass for the consumer project: the spec's Namespace metadata.</summary>
    internal static InMemoryOptionsProvider ConsumerOptions(string specPath, string @namespace)
        => new(
            new Dictionary<string, IReadOnlyDictionary<string, string>> { [specPath] = new Dictionary<string, string> { ["Namespace"] = @namespace } },
            new Dictionary<string, string> { ["RootNamespace"] = "Consumer" });
}
