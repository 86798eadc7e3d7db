using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Clerk.Models.Generator.Tests.Infrastructure;

namespace Clerk.Models.Generator.Tests.Constructs;

/// <summary>
/// One folder under <c>Constructs/Cases</c>: the spec file(s), the payloads read as generated types,
/// and what the case expects (diagnostics, C# shape). Read from the source tree, so that editing a
/// payload needs no rebuild.
/// </summary>
public sealed class ConstructCase
{
    public const string ExpectedDiagnosticsFile = "expect-diagnostics.txt";
    public const string ShapeFile = "shape.txt";
    public const string MetadataFile = "metadata.txt";
    public const string CompileFile = "compile.txt";

    private ConstructCase(string name, string directory)
    {
        Name = name;
        Directory = directory;
        Namespace = "Cases." + NamespaceSegment(name);

        var files = System.IO.Directory.GetFiles(directory).Select(f => Path.GetFileName(f)!).OrderBy(f => f, StringComparer.Ordinal).ToList();
        var metadata = files.Contains(MetadataFile) ? KeyValues(Read(MetadataFile)) : null;
        Specs = files.Where(IsSpecFile).Select(f => new SpecFile(VirtualPath(f), Read(f), Namespace, metadata)).ToList();
        var compile = files.Contains(CompileFile) ? KeyValues(Read(CompileFile)) : new Dictionary<string, string>();
        RuntimeFramework = compile.TryGetValue("runtime", out var runtime) ? runtime : null;
        Payloads = files.Where(IsPayloadFile).Select(ReadPayload).ToList();
        ExpectedDiagnostics = files.Contains(ExpectedDiagnosticsFile) ? ContentLines(Read(ExpectedDiagnosticsFile)).ToList() : null;
        ShapeLines = files.Contains(ShapeFile) ? ContentLines(Read(ShapeFile)).ToList() : new List<string>();
        StrayFiles = files.Where(f => !IsSpecFile(f) && !IsPayloadFile(f) && !IsPayloadSidecar(f, files) && f is not ExpectedDiagnosticsFile and not ShapeFile and not MetadataFile and not CompileFile).ToList();
    }

    public static string Root => GeneratorHarness.RepoFile("tests", "Clerk.Models.Generator.Tests", "Constructs", "Cases");

    public string Name { get; }

    public string Directory { get; }

    /// <summary><c>Cases.</c> and the folder name in PascalCase without its number (<c>07-type-array-null</c> → <c>Cases.TypeArrayNull</c>).</summary>
    public string Namespace { get; }

    /// <summary>The spec files, at stable virtual paths (<c>/constructs/{case}/{file}</c>) so that output never depends on the machine.</summary>
    public IReadOnlyList<SpecFile> Specs { get; }

    public IReadOnlyList<Payload> Payloads { get; }

    /// <summary>Ids of every diagnostic the case expects, one per occurrence; null when the file is absent.</summary>
    public IReadOnlyList<string>? ExpectedDiagnostics { get; }

    public IReadOnlyList<string> ShapeLines { get; }

    /// <summary>
    /// From <c>compile.txt</c> (<c>runtime=netstandard2.0</c>): the build of the runtime the generated code is
    /// compiled against, as a consumer on that framework references it; null for the test's own.
    /// </summary>
    public string? RuntimeFramework { get; }

    /// <summary>Files that are neither specs, payloads nor expectations: probably a misspelled name.</summary>
    public IReadOnlyList<string> StrayFiles { get; }

    public static IReadOnlyList<string> Names()
        => System.IO.Directory.GetDirectories(Root).Select(d => Path.GetFileName(d)!).OrderBy(n => n, StringComparer.Ordinal).ToList();

    public static ConstructCase Load(string name) => new(name, Path.Combine(Root, name));

    public override string ToString() => Name;

    public static string NamespaceSegment(string folder)
    {
        var words = folder.Split('-').SkipWhile(w => w.All(char.IsDigit));
        return string.Concat(words.Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w.Substring(1)));
    }

    // A spec has one dot (spec.yaml, other.yaml); a payload has at least two (Pet.typical.json).
    private static bool IsSpecFile(string file)
        => file.Count(c => c == '.') == 1 && (file.EndsWith(".yaml", StringComparison.Ordinal) || file.EndsWith(".yml", StringComparison.Ordinal) || file.EndsWith(".json", StringComparison.Ordinal));

    private static bool IsPayloadFile(string file)
        => file.Count(c => c == '.') >= 2 && file.EndsWith(".json", StringComparison.Ordinal);

    private static bool IsPayloadSidecar(string file, List<string> files)
        => (file.EndsWith(".error.path", StringComparison.Ordinal) && files.Contains(file.Substring(0, file.Length - ".path".Length) + ".json"))
           || (file.EndsWith(".case", StringComparison.Ordinal) && files.Contains(file.Substring(0, file.Length - ".case".Length) + ".json"));

    private string VirtualPath(string file) => "/constructs/" + Name + "/" + file;

    private string Read(string file) => File.ReadAllText(Path.Combine(Directory, file), Encoding.UTF8);

    private static IEnumerable<string> ContentLines(string text)
        => text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));

    /// <summary><c>Key=Value</c> lines: item metadata in <c>metadata.txt</c>, settings in <c>compile.txt</c>.</summary>
    private static Dictionary<string, string> KeyValues(string text)
        => ContentLines(text).Select(l => l.Split('=', 2)).ToDictionary(p => p[0].Trim(), p => p.Length > 1 ? p[1].Trim() : string.Empty, StringComparer.Ordinal);

    private Payload ReadPayload(string file)
    {
        var stem = file.Substring(0, file.Length - ".json".Length);
        var rootType = stem.Substring(0, stem.IndexOf('.', StringComparison.Ordinal));
        var errorPathFile = stem + ".path";
        var caseFile = stem + ".case";
        var isError = stem.EndsWith(".error", StringComparison.Ordinal);
        var directory = Directory;
        string? Optional(string name) => File.Exists(Path.Combine(directory, name)) ? Read(name).Trim() : null;
        return new Payload(
            file,
            rootType,
            Read(file),
            IsError: isError,
            ErrorPath: isError ? Optional(errorPathFile) : null,
            ExpectedCase: Optional(caseFile));
    }
}

/// <summary>A payload file <c>{RootType}.{name}.json</c>, read as <c>{Namespace}.{RootType}</c>.</summary>
/// <param name="ErrorPath">For <c>.error.json</c> payloads, the <see cref="System.Text.Json.JsonException.Path"/> reading must fail with.</param>
/// <param name="ExpectedCase">From a sibling <c>.case</c> file: the type of the value read, relative to the namespace (<c>Pet.Dog</c>).</param>
public sealed record Payload(string FileName, string RootType, string Json, bool IsError, string? ErrorPath, string? ExpectedCase);
