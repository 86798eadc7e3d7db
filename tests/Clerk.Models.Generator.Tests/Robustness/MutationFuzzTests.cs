using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Clerk.Models.Generator.Tests.Infrastructure;
using Clerk.Models.Generator.Tests.Robustness.Infrastructure;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Clerk.Models.Generator.Tests.Robustness;

/// <summary>
/// A seeded mutation fuzzer over the bundled spec and the shared specs (../shared): every mutated
/// spec either generates code that compiles or gets an error diagnostic, and nothing throws or hangs.
/// CLERK_MODELS_FUZZ_CASES sets the number of cases (default 200), CLERK_MODELS_FUZZ_SEED the seed,
/// and CLERK_MODELS_FUZZ_CASE replays a single case. Failing cases are saved under fuzz-failures/
/// beside the test assembly; a running-case-* file left there names the case that killed the process.
/// </summary>
public sealed class MutationFuzzTests
{
    private const int DefaultCases = 200;
    private const int DefaultSeed = 20_251_126;

    private readonly ITestOutputHelper _output;

    public MutationFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Mutated_specs_compile_or_report_an_error_and_never_throw()
    {
        var cases = Setting("CLERK_MODELS_FUZZ_CASES", DefaultCases);
        var seed = Setting("CLERK_MODELS_FUZZ_SEED", DefaultSeed);
        var only = Environment.GetEnvironmentVariable("CLERK_MODELS_FUZZ_CASE") is { Length: > 0 } one ? int.Parse(one, CultureInfo.InvariantCulture) : (int?)null;
        var sources = FuzzSource.Load();
        var results = new ConcurrentBag<CaseResult>();
        var stopwatch = Stopwatch.StartNew();

        var indexes = only is { } single ? new[] { single } : Enumerable.Range(0, cases).ToArray();
        Parallel.ForEach(indexes, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, index => results.Add(RunCase(sources, seed, index)));

        var all = results.OrderBy(r => r.Index).ToList();
        var failures = all.Where(r => r.Outcome == Outcome.Failed).ToList();
        var summary = $"{all.Count} cases (seed {seed}) in {stopwatch.Elapsed.TotalSeconds:0} s: "
            + $"{all.Count(r => r.Outcome == Outcome.Compiled)} compiled ({all.Count(r => r.Outcome == Outcome.Compiled && r.Unchanged)} with unchanged code), "
            + $"{all.Count(r => r.Outcome == Outcome.Reported)} reported errors, {failures.Count} failures. Per source: "
            + string.Join(", ", all.GroupBy(r => r.Source).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
        _output.WriteLine(summary);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "fuzz-summary.txt"), summary + "\n" + string.Join("\n", failures.Select(f => f.ToString())) + "\n");

        if (failures.Count > 0)
        {
            throw new XunitException(summary + "\n\n" + string.Join("\n\n", failures.Take(15).Select(f => f.ToString())));
        }
    }

    private static CaseResult RunCase(IReadOnlyList<FuzzSource> sources, int seed, int index)
    {
        var caseSeed = unchecked((seed * 7_919) + (index * 104_729) + 17);
        var random = new Random(caseSeed);
        var source = FuzzSource.Pick(sources, random);
        var mutator = new SpecMutator(random.Next());
        var textLevel = random.NextDouble() < 0.15;
        string text;
        ChangedCodeCompiler baseline;
        if (textLevel)
        {
            text = mutator.MutateText(source.Text);
            baseline = source.TextBaseline.Value;
        }
        else
        {
            var tree = source.Tree.Value.Clone();
            mutator.MutateTree(tree, source.ComponentRefs.Value);
            text = source.Serialize(tree);
            baseline = source.TreeBaseline.Value;
        }

        var spec = new SpecFile(source.VirtualPath, text, FuzzSource.Namespace);

        // A stack overflow ends the process without a word: the spec being read when it happens stays on disk.
        Directory.CreateDirectory(FailureDirectory);
        var inFlight = Path.Combine(FailureDirectory, $"running-case-{index}-{source.Name}");
        File.WriteAllText(inFlight, text);
        try
        {
            var run = Hostile.Run(spec, CompileMode.None, source.Bound);
            if (run.CrashReason is { } crash)
            {
                return Fail(index, source, mutator, text, "threw: " + crash);
            }

            if (run.ReportedErrors.Count > 0)
            {
                return new CaseResult(index, source.Name, Outcome.Reported, false, null);
            }

            var (unchanged, problems) = baseline.Compile(run.Run.Output, run.Sources);
            if (problems.Count > 0)
            {
                return Fail(index, source, mutator, text, "no error reported, but the generated code does not compile:\n" + string.Join("\n", problems.Take(5).Select(HostileRun.Shorten)));
            }

            return new CaseResult(index, source.Name, Outcome.Compiled, unchanged, null);
        }
        catch (XunitException ex)
        {
            return Fail(index, source, mutator, text, ex.Message);
        }
        finally
        {
            File.Delete(inFlight);
        }
    }

    private static string FailureDirectory => Path.Combine(AppContext.BaseDirectory, "fuzz-failures");

    private static CaseResult Fail(int index, FuzzSource source, SpecMutator mutator, string text, string problem)
    {
        var file = Path.Combine(FailureDirectory, $"case-{index}-{source.Name}");
        File.WriteAllText(file, text);
        var detail = $"case {index} ({source.Name}): {string.Join("; ", mutator.Log)}\n  {problem.Replace("\n", "\n  ")}\n  spec: {file}";
        return new CaseResult(index, source.Name, Outcome.Failed, false, detail);
    }

    private static int Setting(string name, int fallback)
        => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    private enum Outcome
    {
        Compiled,
        Reported,
        Failed,
    }

    private sealed record CaseResult(int Index, string Source, Outcome Outcome, bool Unchanged, string? Detail)
    {
        public override string ToString() => Detail ?? $"case {Index} ({Source}): {Outcome}";
    }

    /// <summary>One spec to mutate, with what its unmutated forms generate (computed once, on first use).</summary>
    private sealed class FuzzSource
    {
        public const string Namespace = "Fuzz";

        private FuzzSource(string path, double weight)
        {
            Name = System.IO.Path.GetFileName(path);
            VirtualPath = "/specs/" + Name;
            Text = File.ReadAllText(path);
            Weight = weight;
            Tree = new Lazy<YamlNode>(() => YamlTree.Parse(Text));
            ComponentRefs = new Lazy<IReadOnlyList<string>>(() => RefsOf(Tree.Value));
            TextBaseline = new Lazy<ChangedCodeCompiler>(() => BaselineOf(Text));
            TreeBaseline = new Lazy<ChangedCodeCompiler>(() => BaselineOf(Serialize(Tree.Value)));

            // The full Clerk spec takes seconds to generate on a loaded machine.
            Bound = Text.Length > 100_000 ? TimeSpan.FromSeconds(60) : Hostile.DefaultBound;
        }

        public string Name { get; }

        public string VirtualPath { get; }

        public string Text { get; }

        public double Weight { get; }

        public TimeSpan Bound { get; }

        public Lazy<YamlNode> Tree { get; }

        public Lazy<IReadOnlyList<string>> ComponentRefs { get; }

        public Lazy<ChangedCodeCompiler> TextBaseline { get; }

        public Lazy<ChangedCodeCompiler> TreeBaseline { get; }

        private bool IsJson => Name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

        public string Serialize(YamlNode tree) => IsJson ? YamlTree.ToJson(tree) : YamlTree.ToYaml(tree);

        /// <summary>The bundled spec takes 30% of the cases, the full Clerk spec (slow to generate) 3%, the rest of the corpus shares the remainder.</summary>
        public static IReadOnlyList<FuzzSource> Load()
        {
            var bundled = GeneratorHarness.RepoFile("specs", "clerk-user.yaml");
            var shared = System.IO.Path.GetFullPath(GeneratorHarness.RepoFile("..", "shared"));
            var full = System.IO.Path.Combine(shared, "clerk-openapi", "bapi-2025-03-12.yml");
            var corpusRoot = System.IO.Path.Combine(shared, "corpus");
            var corpus = Directory.Exists(corpusRoot)
                ? Directory.EnumerateFiles(corpusRoot, "*.*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
                    .OrderBy(f => f, StringComparer.Ordinal)
                    .ToList()
                : new List<string>();

            var sources = new List<FuzzSource> { new(bundled, corpus.Count == 0 && !File.Exists(full) ? 1.0 : 0.30) };
            if (File.Exists(full))
            {
                sources.Add(new FuzzSource(full, 0.03));
            }

            sources.AddRange(corpus.Select(f => new FuzzSource(f, 0.67 / corpus.Count)));
            return sources;
        }

        public static FuzzSource Pick(IReadOnlyList<FuzzSource> sources, Random random)
        {
            var point = random.NextDouble() * sources.Sum(s => s.Weight);
            foreach (var source in sources)
            {
                point -= source.Weight;
                if (point < 0)
                {
                    return source;
                }
            }

            return sources[sources.Count - 1];
        }

        private ChangedCodeCompiler BaselineOf(string text)
        {
            var run = Hostile.Run(new SpecFile(VirtualPath, text, Namespace), CompileMode.None, TimeSpan.FromSeconds(120));
            return new ChangedCodeCompiler(run.Sources, System.IO.Path.GetFileNameWithoutExtension(Name), Namespace);
        }

        private static IReadOnlyList<string> RefsOf(YamlNode root)
        {
            var components = (root as YamlMapping)?["components"] as YamlMapping;
            var schemas = components?["schemas"] as YamlMapping ?? (root as YamlMapping)?["definitions"] as YamlMapping;
            var prefix = components?["schemas"] is not null ? "#/components/schemas/" : "#/definitions/";
            return schemas?.Entries.Select(e => e.Key).OfType<YamlScalar>().Select(k => prefix + k.Value.Replace("~", "~0").Replace("/", "~1")).ToList() ?? new List<string>();
        }
    }
}
