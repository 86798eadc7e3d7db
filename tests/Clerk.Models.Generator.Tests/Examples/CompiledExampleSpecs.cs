using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Clerk.Models.Generator.Model;
using Clerk.Models.Generator.Tests.Infrastructure;
using Clerk.Models.Generator.Tests.Robustness.Infrastructure;
using Clerk.Models.Runtime;
using Clerk.Models.Testing;
using Xunit.Sdk;

namespace Clerk.Models.Generator.Tests.Examples;

/// <summary>
/// Each spec's generated models, compiled and loaded once for a test class and unloaded after it. A
/// class asks for the examples it tests, always the same ones of a spec: only the types they need are
/// compiled (see <see cref="LoadedExampleSpec"/>).
/// </summary>
public sealed class CompiledExampleSpecs : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<LoadedExampleSpec>> _specs = new(StringComparer.Ordinal);

    public void Dispose()
    {
        foreach (var spec in _specs.Values.Where(s => s.IsValueCreated))
        {
            spec.Value.Dispose();
        }
    }

    internal LoadedExampleSpec Load(ExampleSpec spec, Func<ExampleCatalog, IEnumerable<CatalogedExample>> tested)
        => _specs.GetOrAdd(spec.Key, _ => new Lazy<LoadedExampleSpec>(() =>
        {
            var catalog = ExampleCatalog.Of(spec);
            return new LoadedExampleSpec(catalog, tested(catalog).ToList());
        })).Value;
}

/// <summary>What reading an example and writing it back gave.</summary>
/// <param name="Failure">Why it does not come back exactly; null when it does.</param>
/// <param name="ReorderedAt">The objects whose members the writer puts in schema order (see <see cref="SchemaOrder"/>).</param>
internal sealed record RoundTrip(object? Value, string? Failure, IReadOnlyList<string> ReorderedAt);

/// <summary>One spec's models, read and written through the spec's resolver (<c>{Resolver}.Default.Options</c>).</summary>
internal sealed class LoadedExampleSpec : IDisposable
{
    private readonly LoadedModels _models;
    private readonly SchemaOrder _order;

    /// <summary>
    /// Generates the spec with <c>Include</c> naming what <paramref name="tested"/> need (Clerk's full
    /// spec compiles in seconds; four of its examples need five of its files), checks that each file
    /// is the one the whole spec generates but for the resolver and <c>WebhookEvent</c>, which list
    /// only the types generated, and compiles and loads them.
    /// </summary>
    public LoadedExampleSpec(ExampleCatalog catalog, IReadOnlyCollection<CatalogedExample> tested)
    {
        Catalog = catalog;
        var file = catalog.Spec.ToSpecFile();
        if (catalog.SubsetNamesFor(tested) is { } names)
        {
            file = file with { Metadata = new Dictionary<string, string>(catalog.Spec.Metadata) { ["Include"] = string.Join(",", names) } };
        }

        var run = GeneratorHarness.Run(file);
        var problems = run.GeneratorDiagnostics.Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).ToList();
        if (problems.Count > 0)
        {
            throw new XunitException($"The generator reports problems in {file.Path} ({string.Join("; ", file.Metadata!)}):\n" + string.Join("\n", problems.Take(10)));
        }

        var listings = new[] { catalog.Model.Resolver.FileName }.Concat(catalog.WebhookEvent is { } union ? new[] { union.FileName } : Array.Empty<string>())
            .Select(name => catalog.Model.Header.HintPrefix + "." + name + ".g.cs")
            .ToList();
        var changed = run.Sources.Where(s => !listings.Contains(s.HintName) && catalog.Sources.GetValueOrDefault(s.HintName) != s.SourceText.ToString()).Select(s => s.HintName).ToList();
        if (changed.Count > 0)
        {
            throw new XunitException($"Generated with {string.Join("; ", file.Metadata!)}, these files of {catalog.Spec.Name} are not those the whole spec gives: {string.Join(", ", changed)}");
        }

        // Emitting reports the compiler's warnings too; asking for them apart would bind the code twice.
        _models = new LoadedModels(run);
        if (_models.EmitWarnings.Count > 0)
        {
            throw new XunitException($"The code generated from {catalog.Spec.Name} compiles with warnings:\n" + string.Join("\n", _models.EmitWarnings.Take(10)));
        }

        var resolver = _models.Type(ExampleCatalog.Namespace + "." + catalog.Model.Resolver.Name);
        var instance = resolver.GetProperty("Default")!.GetValue(null)!;
        Options = (JsonSerializerOptions)resolver.GetProperty("Options")!.GetValue(instance)!;
        _order = new SchemaOrder(catalog.Types, CaseOfJson);
    }

    public ExampleCatalog Catalog { get; }

    public JsonSerializerOptions Options { get; }

    /// <summary>The C# spelling of a type, for messages: <c>User</c>, <c>ValueList&lt;User&gt;</c>.</summary>
    public static string Display(TypeRef type) => type.Kind switch
    {
        TypeKind.Array => "ValueList<" + Display(type.Item!) + ">",
        TypeKind.Map => "ValueMap<" + Display(type.Item!) + ">",
        _ => type.Name!,
    };

    public Type ClrType(TypeRef type) => type.Kind switch
    {
        TypeKind.Array => typeof(ValueList<>).MakeGenericType(ClrType(type.Item!)),
        TypeKind.Map => typeof(ValueMap<>).MakeGenericType(ClrType(type.Item!)),
        _ => _models.Type(ExampleCatalog.Namespace + "." + type.Name),
    };

    public object? Read(string json, TypeRef type) => JsonSerializer.Deserialize(json, ClrType(type), Options);

    /// <summary>
    /// Reads <paramref name="json"/> as <paramref name="type"/> and writes it back: the same members, in
    /// the example's order but where <see cref="SchemaOrder"/> puts them in the schema's, the same
    /// number text, absent members absent and nulls null; read again, it is an equal value with an
    /// equal hash code.
    /// </summary>
    public RoundTrip RoundTrip(string json, TypeRef type)
    {
        object? value;
        try
        {
            value = Read(json, type);
        }
        catch (JsonException ex)
        {
            return new RoundTrip(null, $"reading it as {Display(type)} fails: {ex.Message}", Array.Empty<string>());
        }

        var written = JsonSerializer.Serialize(value, ClrType(type), Options);
        var (expected, reordered) = _order.Apply(json, type);
        if ((ExactJson.FindDifference(expected, written) ?? MemberOrder.FindDifference(expected, written)) is { } difference)
        {
            return new RoundTrip(value, $"written back as {Display(type)}, it differs at {difference}\nwritten: {written}", reordered);
        }

        var again = Read(written, type);
        return Equals(value, again) && value?.GetHashCode() == again?.GetHashCode()
            ? new RoundTrip(value, null, reordered)
            : new RoundTrip(value, $"read again from what {Display(type)} wrote, it is not an equal value with an equal hash code", reordered);
    }

    /// <summary>The case of a union's value: its nested case record's name, looked up in the model.</summary>
    public UnionCaseModel? CaseOf(object value, UnionModel union)
        => union.Cases.SingleOrDefault(c => c.CaseName == value.GetType().Name);

    public void Dispose() => _models.Dispose();

    private UnionCaseModel? CaseOfJson(string json, string unionName)
    {
        var union = (UnionModel)Catalog.Types[unionName];
        return Read(json, new TypeRef(TypeKind.Union, unionName)) is { } value ? CaseOf(value, union) : null;
    }
}
