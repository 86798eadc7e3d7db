using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Clerk.Models.Generator.Model;
using Clerk.Models.Generator.Read.OpenApi;
using Clerk.Models.Generator.Tests.Infrastructure;
using Clerk.Models.Generator.Tests.Robustness.Infrastructure;

namespace Clerk.Models.Generator.Tests.Examples;

/// <summary>A spec whose examples are tested, where it is, and the item metadata it is generated with.</summary>
/// <param name="Name">Its file name, which test cases and the list of contradictions name it by.</param>
internal sealed record ExampleSpec(string Name, string Path, IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>Clerk's full spec where the shared checkout has it, beside the repository; it may be absent.</summary>
    public static readonly string SharedFullSpecPath = System.IO.Path.GetFullPath(GeneratorHarness.RepoFile("..", "shared", "clerk-openapi", "bapi-2025-03-12.yml"));

    public static readonly IReadOnlyList<ExampleSpec> All = new[]
    {
        new ExampleSpec("clerk-user.yaml", GeneratorHarness.RepoFile("specs", "clerk-user.yaml"), new Dictionary<string, string>()),
        // As users generate it: the webhooks' 'type' member picks the WebhookEvent case.
        new ExampleSpec("clerk-webhooks.yaml", GeneratorHarness.RepoFile("specs", "clerk-webhooks.yaml"), new Dictionary<string, string> { ["WebhookEventMember"] = "type" }),
        // The copy checked in for the benchmarks, so that these examples are tested on every machine,
        // CI included; ExampleCatalogTests checks that it is the shared spec when that is there.
        new ExampleSpec("bapi-2025-03-12.yml", GeneratorHarness.RepoFile("benchmarks", "Clerk.Models.Benchmarks", "Inputs", "bapi-2025-03-12.yml"), new Dictionary<string, string>()),
    };

    /// <summary>What caches tell it by: its name and its metadata.</summary>
    public string Key => Name + string.Concat(Metadata.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => ";" + m.Key + "=" + m.Value));

    public static ExampleSpec Named(string name) => All.Single(s => s.Name == name);

    /// <summary>The spec generated with <c>RequiredMembers=lenient</c>: readers that take a payload without members the spec requires.</summary>
    public ExampleSpec WithLenientRequiredMembers() => this with { Metadata = new Dictionary<string, string>(Metadata) { ["RequiredMembers"] = "lenient" } };

    public SpecFile ToSpecFile() => new(Path, File.ReadAllText(Path), ExampleCatalog.Namespace, Metadata);
}

/// <summary>An example and how it is tested: the generated types it is read into, or why it is left out.</summary>
/// <param name="Types">
/// The types of its schema: usually one; several when the generator built the schema more than once
/// (an <c>allOf</c> that composes a component copies the component's inline types:
/// <c>OrganizationWithLogoObject</c> beside <c>OrganizationObject</c>), and each is tested.
/// </param>
/// <param name="LeftOutBecause">Why it is not read into a generated type; null when it is.</param>
internal sealed record CatalogedExample(SpecExample Example, IReadOnlyList<TypeRef> Types, string? LeftOutBecause)
{
    public bool IsModelled => LeftOutBecause is null;
}

/// <summary>
/// One spec's examples and, for each, the generated type its schema is read into: the type whose docs
/// say they come from the schema's pointer (<c>&lt;remarks&gt;From ...#/pointer&lt;/remarks&gt;</c>, the
/// model's <see cref="TypeModel.SourcePointer"/>). A schema without a type of its own is followed
/// where the generated code follows it: a <c>$ref</c>, a one-part <c>allOf</c>/<c>oneOf</c>/<c>anyOf</c>
/// (how a nullable reference is written in 3.0), array items and map values.
/// </summary>
internal sealed class ExampleCatalog
{
    public const string Namespace = "Examples.Models";

    private static readonly ConcurrentDictionary<string, Lazy<ExampleCatalog>> s_catalogs = new(StringComparer.Ordinal);

    private readonly Dictionary<string, List<TypeModel>> _typesByPointer;

    private ExampleCatalog(ExampleSpec spec)
    {
        Spec = spec;
        var file = spec.ToSpecFile();
        Tree = YamlTree.Parse(file.Text);
        var run = GeneratorHarness.Run(file);
        Model = GeneratedModel(run, spec);
        Sources = run.Sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        Types = Model.Files.SelectMany(f => f.Types).ToDictionary(t => t.Name, StringComparer.Ordinal);
        _typesByPointer = Types.Values
            .GroupBy(t => t.SourcePointer, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        Examples = ExampleCollector.Collect(Tree).Select(Catalog).ToList();
    }

    public ExampleSpec Spec { get; }

    public YamlNode Tree { get; }

    /// <summary>What the generator built from the spec: the types the compiled models are made of.</summary>
    public SpecModel Model { get; }

    /// <summary>The generated files' text, by hint name.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; }

    /// <summary>Every generated type, by name.</summary>
    public IReadOnlyDictionary<string, TypeModel> Types { get; }

    /// <summary>Every example of the spec, in document order, modelled or not.</summary>
    public IReadOnlyList<CatalogedExample> Examples { get; }

    public IEnumerable<CatalogedExample> Modelled => Examples.Where(e => e.IsModelled);

    /// <summary>The spec's <c>WebhookEvent</c> union, when it has webhooks.</summary>
    public UnionModel? WebhookEvent
        => Types.Values.OfType<UnionModel>().SingleOrDefault(u => u.SourcePointer is "/webhooks" or "/x-webhooks");

    public static ExampleCatalog Of(ExampleSpec spec) => s_catalogs.GetOrAdd(spec.Key, _ => new Lazy<ExampleCatalog>(() => new ExampleCatalog(spec))).Value;

    /// <summary>The model the generator built in <paramref name="run"/> (its tracked <c>Models</c> step).</summary>
    private static SpecModel GeneratedModel(GeneratorRun run, ExampleSpec spec)
        => run.Result.Results.Single().TrackedSteps.TryGetValue(TrackingNames.Models, out var steps)
            && steps.SelectMany(s => s.Outputs).Select(o => o.Value).OfType<SpecModel>().SingleOrDefault() is { } model
            ? model
            : throw new InvalidOperationException($"{spec.Name} gives no model: {string.Join("; ", run.GeneratorDiagnostics)}");

    /// <summary>
    /// What <c>Include</c> names to generate <paramref name="examples"/>' types, with what they refer to:
    /// the component, operation id, body component or webhook each type is written under. Null when
    /// one of them is under none, and so only the whole spec has it.
    /// </summary>
    public IReadOnlyList<string>? SubsetNamesFor(IEnumerable<CatalogedExample> examples)
    {
        var names = new List<string>();
        foreach (var type in examples.SelectMany(e => e.Types).SelectMany(Named))
        {
            if (SubsetNameOf(Types[type.Name!].SourcePointer) is not { } name)
            {
                return null;
            }

            names.Add(name);
        }

        return names.Distinct(StringComparer.Ordinal).ToList();

        static IEnumerable<TypeRef> Named(TypeRef type) => type.Item is { } item ? Named(item) : new[] { type };
    }

    public CatalogedExample At(string pointer)
        => Examples.SingleOrDefault(e => e.Example.Pointer == pointer) ?? throw new InvalidOperationException($"No example at {Spec.Name}#{pointer}.");

    /// <summary>
    /// The <c>WebhookEvent</c> case a webhook's body example must read into: the case of the webhook
    /// the example is written under. Null for every other example.
    /// </summary>
    public UnionCaseModel? WebhookCaseOf(SpecExample example)
    {
        if (WebhookEvent is not { Discriminator: { } discriminator } union || example.Owner != ExampleOwner.MediaType)
        {
            return null;
        }

        var value = discriminator.Values.SingleOrDefault(v => example.Pointer.StartsWith(union.SourcePointer + "/" + ExampleCollector.Escape(v.Value) + "/", StringComparison.Ordinal));
        return value is null ? null : union.Cases.Single(c => c.CaseName == value.CaseName);
    }

    private CatalogedExample Catalog(SpecExample example)
    {
        string? reason = null;
        IReadOnlyList<TypeRef> types = Array.Empty<TypeRef>();
        if (example.Unreadable is { } unreadable)
        {
            reason = "no value to read: " + unreadable;
        }
        else if (example.SchemaPointer is not { } schema)
        {
            reason = "no schema: " + (example.Owner == ExampleOwner.Component ? "a components/examples entry nothing uses" : "its media type has none");
        }
        else if (example.MediaType is { } mediaType && !OpenApiAdapter.IsJson(mediaType))
        {
            reason = "not JSON: a '" + mediaType + "' body, which the generator makes no type for";
        }
        else if (ExampleJson.FindUnclearScalar(example.Value!) is { } scalar)
        {
            reason = "no clear JSON value: the plain YAML scalar '" + scalar + "' is a string to YAML 1.1 and not to 1.2, or the other way round";
        }
        else
        {
            (types, reason) = TypesOf(schema, depth: 0);
            reason = reason is null ? null : "no generated type: " + reason;
        }

        return new CatalogedExample(example, types, reason);
    }

    /// <summary>The generated types the schema at <paramref name="pointer"/> is read as, or what it is when it has none.</summary>
    private (IReadOnlyList<TypeRef> Types, string? Reason) TypesOf(string pointer, int depth)
    {
        if (_typesByPointer.TryGetValue(pointer, out var types))
        {
            return (types.Select(Reference).ToList(), null);
        }

        if (depth == 32 || ExampleCollector.At(Tree, pointer) is not YamlMapping schema)
        {
            return (Array.Empty<TypeRef>(), "not a schema object");
        }

        if (schema["$ref"] is YamlScalar { Value: var reference })
        {
            return ExampleCollector.LocalPointer(reference) is { } target
                ? TypesOf(target, depth + 1)
                : (Array.Empty<TypeRef>(), "a schema in another file");
        }

        var parts = new[] { "allOf", "oneOf", "anyOf" }
            .SelectMany(k => schema[k] is YamlSequence list ? list.Items.Select((_, i) => pointer + "/" + k + "/" + i) : Enumerable.Empty<string>())
            .Where(p => !(ExampleCollector.At(Tree, p) is YamlMapping part && part["type"] is YamlScalar { Value: "null" }))
            .ToList();
        if (parts.Count == 1 && schema["properties"] is null)
        {
            return TypesOf(parts[0], depth + 1);
        }

        if (schema["items"] is YamlMapping)
        {
            return Contained(pointer + "/items", item => TypeRef.ArrayOf(item), "an array", depth);
        }

        if (schema["additionalProperties"] is YamlMapping && schema["properties"] is null)
        {
            return Contained(pointer + "/additionalProperties", value => TypeRef.MapOf(value), "a map", depth);
        }

        return (Array.Empty<TypeRef>(), Describe(schema));
    }

    /// <summary>An array's or map's types, made from those of its items; or why it has none.</summary>
    private (IReadOnlyList<TypeRef> Types, string? Reason) Contained(string itemPointer, Func<TypeRef, TypeRef> container, string what, int depth)
    {
        var (items, reason) = TypesOf(itemPointer, depth + 1);
        return items.Count > 0 ? (items.Select(container).ToList(), null) : (items, what + " of " + reason);
    }

    /// <summary>The name <c>Include</c> knows the schema at <paramref name="pointer"/> by, or null.</summary>
    private string? SubsetNameOf(string pointer)
    {
        var tokens = pointer.Split('/').Skip(1).Select(ExampleCollector.Unescape).ToList();
        return tokens switch
        {
            ["components", "schemas" or "requestBodies" or "responses", var name, ..] => name,
            ["webhooks" or "x-webhooks", var name, ..] => name,
            ["paths", _, _, ..] => (ExampleCollector.At(Tree, string.Join("/", pointer.Split('/').Take(4)) + "/operationId") as YamlScalar)?.Value,
            _ => null,
        };
    }

    private static TypeRef Reference(TypeModel type) => type switch
    {
        RecordModel => new TypeRef(TypeKind.Record, type.Name),
        UnionModel => new TypeRef(TypeKind.Union, type.Name),
        _ => new TypeRef(TypeKind.Enum, type.Name),
    };

    /// <summary>What a schema without a generated type is, in a few words: how the left-out examples are counted.</summary>
    private static string Describe(YamlMapping schema)
        => (schema["type"] as YamlScalar)?.Value switch
        {
            "boolean" => "a boolean",
            _ when schema["enum"] is not null => "an enum",
            "string" => "a string",
            "integer" => "an integer",
            "number" => "a number",
            "array" => "an array without items",
            _ when schema["properties"] is null => "free-form JSON",
            _ => "a schema with properties",
        };
}
