using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace Clerk.Models.Generator.Tests.Robustness.Infrastructure;

/// <summary>
/// Compiles only what a mutation changed. The unmutated spec's code is known to compile (the
/// corpus and snapshot tests say so), so a mutated run needs the compiler's full diagnostics only
/// for the files whose text changed and the files that name a type that changed or went away.
/// That keeps a fuzz case of the 162-type Clerk spec to a few files.
/// </summary>
public sealed class ChangedCodeCompiler
{
    private readonly Dictionary<string, string> _baseline;
    private readonly string _specName;
    private readonly string _namespace;

    public ChangedCodeCompiler(IEnumerable<GeneratedSourceResult> baseline, string specName, string @namespace)
    {
        _baseline = baseline.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        _specName = specName;
        _namespace = @namespace;
    }

    /// <summary>Whether the code differs from the baseline, and the errors and warnings in the part that does.</summary>
    public (bool Unchanged, IReadOnlyList<Diagnostic> Problems) Compile(Compilation output, IReadOnlyList<GeneratedSourceResult> sources)
    {
        var current = sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        var changed = current.Where(p => !_baseline.TryGetValue(p.Key, out var text) || text != p.Value).Select(p => p.Key).ToList();
        var removed = _baseline.Keys.Where(k => !current.ContainsKey(k)).ToList();
        if (changed.Count == 0 && removed.Count == 0)
        {
            return (true, Array.Empty<Diagnostic>());
        }

        var touchedTypes = changed.Concat(removed).Select(TypeName).ToList();
        var mentions = touchedTypes.Select(t => new Regex("global::" + Regex.Escape(_namespace + "." + t) + "(?![\\p{L}\\p{Nd}_])", RegexOptions.CultureInvariant)).ToList();
        var toCheck = new HashSet<string>(changed, StringComparer.Ordinal);
        foreach (var (hint, text) in current)
        {
            if (mentions.Any(m => m.IsMatch(text)))
            {
                toCheck.Add(hint);
            }
        }

        var problems = new List<Diagnostic>();
        foreach (var tree in output.SyntaxTrees.Where(t => toCheck.Contains(HintOf(t.FilePath))))
        {
            problems.AddRange(output.GetSemanticModel(tree).GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        }

        return (false, problems);
    }

    private string TypeName(string hintName)
        => hintName.Substring(_specName.Length + 1, hintName.Length - _specName.Length - 1 - ".g.cs".Length);

    private static string HintOf(string filePath)
    {
        var slash = Math.Max(filePath.LastIndexOf('/'), filePath.LastIndexOf('\\'));
        return slash < 0 ? filePath : filePath.Substring(slash + 1);
    }
}
