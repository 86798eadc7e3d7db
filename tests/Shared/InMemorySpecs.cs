using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Clerk.Models.Testing;

/// <summary>A spec as the compiler hands it to the generator, from text in memory rather than a file.</summary>
internal sealed class InMemorySpecText : AdditionalText
{
    private readonly SourceText _text;

    public InMemorySpecText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>
/// The options MSBuild would pass the generator: each spec's item metadata, seen as
/// <c>build_metadata.AdditionalFiles.Name</c>, and the project's properties, seen as <c>build_property.Name</c>.
/// </summary>
internal sealed class InMemoryOptionsProvider : AnalyzerConfigOptionsProvider
{
    private static readonly AnalyzerConfigOptions s_none = new Options("", new Dictionary<string, string>());

    private readonly Dictionary<string, AnalyzerConfigOptions> _specOptions;

    /// <param name="specMetadata">Item metadata by spec path: Namespace, UnixTimestamps...</param>
    /// <param name="properties">Project properties: RootNamespace, ClerkModelsAccessibility...</param>
    public InMemoryOptionsProvider(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> specMetadata, IReadOnlyDictionary<string, string> properties)
    {
        _specOptions = specMetadata.ToDictionary(spec => spec.Key, spec => (AnalyzerConfigOptions)new Options("build_metadata.AdditionalFiles.", spec.Value));
        GlobalOptions = new Options("build_property.", properties);
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => s_none;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _specOptions.GetValueOrDefault(textFile.Path, s_none);

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public Options(string prefix, IReadOnlyDictionary<string, string> values)
        {
            // Keys compared as the compiler compares them: case-insensitively.
            _values = new Dictionary<string, string>(KeyComparer);
            foreach (var (name, value) in values)
            {
                _values[prefix + name] = value;
            }
        }

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}
