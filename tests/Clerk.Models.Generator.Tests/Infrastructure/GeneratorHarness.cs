using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Clerk.Models.Runtime;
using Clerk.Models.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Clerk.Models.Generator.Tests.Infrastructure;

/// <summary>A spec as the generator sees it: a path, its text, and optional item metadata.</summary>
/// <param name="Metadata">Other item metadata (Accessibility, IntegerType, UnixTimestamps...).</param>
public sealed record SpecFile(string Path, string Text, string? Namespace = null, IReadOnlyDictionary<string, string>? Metadata = null);

/// <summary>Runs the generator in memory, the way the compiler does, and compiles what it produced.</summary>
public static class GeneratorHarness
{
    /// <summary>C# 12, with documentation comments checked (CS1591) as in a project that generates its XML docs.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12, DocumentationMode.Diagnose);

    public static readonly ImmutableArray<MetadataReference> References = Basic.Reference.Assemblies.Net80.References.All
        .Cast<MetadataReference>()
        .Append(MetadataReference.CreateFromFile(typeof(RawJson).Assembly.Location))
        .ToImmutableArray();

    /// <summary>
    /// .NET 8's reference assemblies with another build of the runtime: <c>netstandard2.0</c> is the one a
    /// .NET 6 or 7 consumer gets, whose framework has <c>DateOnly</c> while that runtime build does not.
    /// </summary>
    public static ImmutableArray<MetadataReference> ReferencesWithRuntime(string framework)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "runtime-" + framework, "Clerk.Models.Runtime.dll");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException("No " + framework + " build of the runtime at " + path + "; the test project copies it there when it builds.");
        }

        return Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>().Append(MetadataReference.CreateFromFile(path)).ToImmutableArray();
    }

    public static string RepoFile(params string[] parts)
    {
        var directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "Clerk.Models.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return Path.Combine(new[] { directory ?? throw new InvalidOperationException("Clerk.Models.sln not found above the test output.") }.Concat(parts).ToArray());
    }

    public static SpecFile BundledSpec()
        => new(RepoFile("specs", "clerk-user.yaml"), File.ReadAllText(RepoFile("specs", "clerk-user.yaml")), "Clerk.Models");

    /// <summary>Clerk's webhooks, told apart by their <c>type</c> member as the package's docs show.</summary>
    public static SpecFile BundledWebhooksSpec()
        => new(RepoFile("specs", "clerk-webhooks.yaml"), File.ReadAllText(RepoFile("specs", "clerk-webhooks.yaml")), "Clerk.Models.Webhooks", new Dictionary<string, string> { ["WebhookEventMember"] = "type" });

    public static CSharpCompilation CreateCompilation(params string[] sources)
        => CSharpCompilation.Create(
            "Consumer",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error));

    public static GeneratorDriver CreateDriver(IEnumerable<SpecFile> specs, string? rootNamespace = "Consumer", IReadOnlyDictionary<string, string>? properties = null)
        => CreateDriver(specs, out _, rootNamespace, properties);

    /// <summary>Creates a driver and hands back the additional texts, so that a test can replace one.</summary>
    /// <param name="properties">Project-wide MSBuild properties the generator sees (ClerkModelsAccessibility...).</param>
    public static GeneratorDriver CreateDriver(
        IEnumerable<SpecFile> specs,
        out ImmutableArray<AdditionalText> texts,
        string? rootNamespace = "Consumer",
        IReadOnlyDictionary<string, string>? properties = null)
    {
        specs = specs.ToList();
        texts = specs.Select(s => (AdditionalText)new InMemorySpecText(s.Path, s.Text)).ToImmutableArray();
        var options = new InMemoryOptionsProvider(
            specs.ToDictionary(s => s.Path, s => Combine("Namespace", s.Namespace, s.Metadata)),
            Combine("RootNamespace", rootNamespace, properties));
        return CSharpGeneratorDriver.Create(
            new[] { new ModelGenerator().AsSourceGenerator() },
            texts,
            ParseOptions,
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>Runs the generator over <paramref name="specs"/> and a consumer compilation.</summary>
    public static GeneratorRun Run(IEnumerable<SpecFile> specs, params string[] consumerSources)
        => Run(specs, References, consumerSources);

    /// <summary>Runs the generator over <paramref name="specs"/> and a consumer compilation with other references.</summary>
    public static GeneratorRun Run(IEnumerable<SpecFile> specs, ImmutableArray<MetadataReference> references, params string[] consumerSources)
    {
        var compilation = CreateCompilation(consumerSources).WithReferences(references);
        var driver = CreateDriver(specs).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorRun(driver, output, generatorDiagnostics);
    }

    public static GeneratorRun Run(params SpecFile[] specs) => Run(specs, Array.Empty<string>());

    /// <summary>
    /// <paramref name="name"/> (unless <paramref name="value"/> is null) and then <paramref name="others"/>,
    /// which may set it again: the named parameter is a shorthand, not a restriction.
    /// </summary>
    private static IReadOnlyDictionary<string, string> Combine(string name, string? value, IReadOnlyDictionary<string, string>? others)
    {
        var values = new Dictionary<string, string>();
        if (value is not null)
        {
            values[name] = value;
        }

        foreach (var (otherName, otherValue) in others ?? new Dictionary<string, string>())
        {
            values[otherName] = otherValue;
        }

        return values;
    }
}

/// <summary>What one generator run produced.</summary>
/// <param name="Output">
/// The consumer's compilation with the generated code, whose nullable warnings are turned back on
/// (see <see cref="WithNullableWarnings"/>): every test that compiles it checks them too.
/// </param>
public sealed record GeneratorRun(GeneratorDriver Driver, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    /// <summary>The line of every generated file's header that skips nullable flow analysis in users' builds.</summary>
    public const string SkipsNullableWarnings = "#nullable disable warnings";

    public Compilation Output { get; init; } = WithNullableWarnings(Output);

    public GeneratorDriverRunResult Result => Driver.GetRunResult();

    public IReadOnlyList<GeneratedSourceResult> Sources => Result.Results.SelectMany(r => r.GeneratedSources).ToList();

    public string Source(string hintName) => Sources.Single(s => s.HintName == hintName).SourceText.ToString();

    /// <summary>Errors and warnings of the compilation that includes the generated code.</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems
        => Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    /// <summary>
    /// The compilation with each generated file's <see cref="SkipsNullableWarnings"/> line replaced by
    /// <c>#nullable restore warnings</c> (the consumer's setting, enabled here), on the same line, so
    /// that locations match the generated text: the code users get is kept free of nullable warnings.
    /// </summary>
    private static Compilation WithNullableWarnings(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees.ToList())
        {
            var text = tree.GetText();
            var header = string.Concat(text.Lines.Take(8).Select(l => l.ToString() + "\n"));
            if (!header.StartsWith("// <auto-generated/>", StringComparison.Ordinal) || !header.Contains(SkipsNullableWarnings + "\n", StringComparison.Ordinal))
            {
                continue;
            }

            var line = text.Lines.First(l => l.ToString() == SkipsNullableWarnings);
            var checkedText = text.WithChanges(new TextChange(line.Span, "#nullable restore warnings"));
            compilation = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(checkedText));
        }

        return compilation;
    }
}
