using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Clerk.Models.Generator.Input;
using Clerk.Models.Generator.Model;
using Clerk.Models.Generator.Naming;
using Clerk.Models.Generator.Read.OpenApi;
using Clerk.Models.Generator.Read.Payloads;
using Clerk.Models.Generator.Read.Schemas;
using Clerk.Models.Generator.Read.Text;
using Microsoft.OpenApi;

namespace Clerk.Models.Generator.Read.Building;

/// <summary>
/// Walks a spec's component schemas and builds the records, enums and unions they need, inline ones
/// included. One partial file per kind of type; <see cref="ResolveType"/> maps every other schema.
/// </summary>
internal sealed partial class ModelBuilder
{
    /// <summary>Far beyond any real spec, and within what a compiler thread's stack holds.</summary>
    private const int MaxInlineDepth = 256;

    private readonly OpenApiAdapter _adapter;
    private readonly string _specPath;
    private readonly EquatableArray<KnownSpec> _knownSpecs;
    private readonly SpecLocator _locator;
    private readonly ReadOptions _options;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly CancellationToken _cancellationToken;
    private readonly TypeNames _typeNames = new();
    private readonly Dictionary<string, TypeRef> _componentTypes = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _componentNullable = new(System.StringComparer.Ordinal);
    private readonly HashSet<string> _resolvingAliases = new(System.StringComparer.Ordinal);
    private readonly Dictionary<IOpenApiSchema, TypeRef> _inlineInProgress = new();
    private readonly Dictionary<IOpenApiSchema, TypeRef> _builtInline = new();

    /// <summary>True once the components are built: payloads reuse the inline types built for them.</summary>
    private bool _buildingPayloads;

    /// <summary>The file of the component being built: inline types built for it go there too.</summary>
    private string? _currentFile;

    /// <summary>False while a component outside the Include/Exclude subset is named or built: what it would report is not said.</summary>
    private bool _reporting = true;

    /// <summary>The files of the components in the subset; null when every component is generated.</summary>
    private HashSet<string>? _generatedFiles;

    public ModelBuilder(OpenApiAdapter adapter, string specPath, EquatableArray<KnownSpec> knownSpecs, SpecLocator locator, ReadOptions options, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        _adapter = adapter;
        _specPath = specPath;
        _knownSpecs = knownSpecs;
        _locator = locator;
        _options = options;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
    }

    public List<RecordModel> Records { get; } = new();

    public List<EnumModel> Enums { get; } = new();

    /// <summary>The unions, not yet planned: <see cref="Planning.UnionPlanner"/> plans them all at once.</summary>
    public List<UnionModel> Unions { get; } = new();

    private IDictionary<string, IOpenApiSchema> Components => _adapter.Components;

    public void Build()
    {
        // The subset first, so that broken aliases are reported only where they are generated. The
        // closure asks no $ref for its keywords, so the broken chains cannot trip it.
        var payloads = PayloadRoots.Find(_adapter);
        var subset = SchemaSubset.Select(_adapter, _options.Include, _options.Exclude, payloads, _cancellationToken);
        ReportSubset(subset);
        _adapter.SetAsideBrokenAliases((descriptor, pointer, arguments) =>
        {
            if (subset.IsEverything || Components.Keys.Any(id => subset.Generates(id) && OpenApiAdapter.ComponentPointer(id) == pointer))
            {
                Report(descriptor, pointer, arguments);
            }
        });

        // Components claim their names first, in spec order, so that inline types never take them.
        // Every component is named and built, in or out of the subset, so that a type has the same name
        // whatever the subset: which inline type gets a number suffix depends on every type built before.
        // Only the subset's files are kept, and only what building them reports is said.
        var pending = new List<(string Id, IOpenApiSchema Schema, SchemaShape Shape, string TypeName)>();
        foreach (var pair in Components)
        {
            // A component that is not a mapping ('Pet: 5') was reported by the shape check.
            if (pair.Value is null)
            {
                continue;
            }

            var shape = SchemaClassifier.Classify(pair.Value);
            if (shape == SchemaShape.Alias)
            {
                continue;
            }

            _reporting = subset.Generates(pair.Key);
            var typeName = ClaimTypeName(pair.Key, shape, OpenApiAdapter.ComponentPointer(pair.Key));
            _componentTypes[pair.Key] = new TypeRef(KindOf(shape), typeName);
            _componentNullable[pair.Key] = _adapter.IsNullable(pair.Value, OpenApiAdapter.ComponentPointer(pair.Key));
            pending.Add((pair.Key, pair.Value, shape, typeName));
        }

        if (!subset.IsEverything)
        {
            _generatedFiles = new HashSet<string>(pending.Where(p => subset.Generates(p.Id)).Select(p => _typeNames.FileOf(p.TypeName)), System.StringComparer.Ordinal);
        }

        foreach (var (id, schema, shape, typeName) in pending)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            _reporting = subset.Generates(id);
            _currentFile = _typeNames.FileOf(typeName);
            BuildType(schema, shape, typeName, OpenApiAdapter.ComponentPointer(id));
        }

        _buildingPayloads = true;
        BuildPayloads(payloads, subset);
        BuildWebhookEvent(payloads, subset);
        _currentFile = null;
        _reporting = true;
    }

    /// <summary>Whether the type is generated: it belongs to a component of the Include/Exclude subset.</summary>
    public bool Generates(string typeName) => _generatedFiles is null || _generatedFiles.Contains(_typeNames.FileOf(typeName));

    /// <summary>
    /// The generated files: each component's type, then the inline types built for it, in the order they
    /// were named. <paramref name="unions"/> are the planned unions, which replace the built ones.
    /// </summary>
    public List<FileModel> Files(IEnumerable<UnionModel> unions)
    {
        var built = new Dictionary<string, TypeModel>(System.StringComparer.Ordinal);
        foreach (var type in Records.Cast<TypeModel>().Concat(Enums).Concat(unions))
        {
            built[type.Name] = type;
        }

        return _typeNames.Files
            .Where(f => _generatedFiles is null || _generatedFiles.Contains(f.File))
            .Select(f => new FileModel(f.File, f.Types.Where(built.ContainsKey).Select(t => built[t]).ToEquatableArray()))
            .Where(f => !f.Types.IsEmpty)
            .ToList();
    }

    /// <summary>The resolver's name and file, claimed after every type so that a schema keeps its own name.</summary>
    public (string Name, string FileName) ClaimResolverName(string desired)
    {
        var name = _typeNames.ClaimResolver(desired);
        return (name, _typeNames.FileOf(name));
    }

    private static TypeKind KindOf(SchemaShape shape) => shape switch
    {
        SchemaShape.Record => TypeKind.Record,
        SchemaShape.Enum => TypeKind.Enum,
        _ => TypeKind.Union,
    };

    private static GeneratedTypeKind GeneratedKindOf(SchemaShape shape) => shape switch
    {
        SchemaShape.Record => GeneratedTypeKind.Record,
        SchemaShape.Enum => GeneratedTypeKind.Enum,
        _ => GeneratedTypeKind.Union,
    };

    /// <param name="file">The file the type goes into; null for a component, which has one of its own.</param>
    private string ClaimTypeName(string specName, SchemaShape shape, string pointer, string? file = null)
    {
        var desired = NameMangler.ToPascalCase(specName, "Model");
        var claimed = _typeNames.Claim(desired, GeneratedKindOf(shape), file);
        if (claimed != desired)
        {
            Report(Diagnostics.DiagnosticDescriptors.NameCollision, pointer, specName, desired, claimed);
        }

        return claimed;
    }

    /// <param name="origin">Where an inline schema sits ("'status' of OTP"), for its summary when it has no description.</param>
    /// <param name="summary">The summary when the schema has no description, for a payload named from where it is used.</param>
    private void BuildType(IOpenApiSchema schema, SchemaShape shape, string typeName, string pointer, string? origin = null, string? summary = null)
    {
        switch (shape)
        {
            case SchemaShape.Record:
                BuildRecord(schema, typeName, pointer, schema.Description ?? summary ?? (origin is null ? null : "The value of " + origin + "."));
                break;
            case SchemaShape.Enum:
                BuildEnum(schema, typeName, pointer, schema.Description ?? summary ?? (origin is null ? null : "The values of " + origin + "; values the spec does not list are kept too."));
                break;
            case SchemaShape.Union:
                BuildUnion(schema, typeName, pointer, schema.Description ?? summary ?? (origin is null ? null : "The value of " + origin + ": one of several alternatives."));
                break;
        }
    }

    private List<SchemaMember> CollectMembers(IOpenApiSchema schema, string pointer)
        => MemberCollector.Collect(schema, pointer, _adapter, (reference, at) => Report(Diagnostics.DiagnosticDescriptors.UnresolvedReference, at, reference, at));

    /// <summary>
    /// CMG014 for each name that matches no component, located where the components are written (the
    /// option itself is in the project file); CMG015 at each excluded component that is generated anyway.
    /// </summary>
    private void ReportSubset(SchemaSubset subset)
    {
        foreach (var unmatched in subset.Unmatched)
        {
            var at = _locator.Has("/components/schemas") ? "/components/schemas" : _locator.Has("/definitions") ? "/definitions" : null;
            _diagnostics.Add(DiagnosticInfo.Create(
                Diagnostics.DiagnosticDescriptors.SubsetNameMatchesNothing,
                at is null ? _locator.File : _locator.Locate(at),
                unmatched.List.Option,
                unmatched.Name,
                unmatched.Suggestion is null ? string.Empty : " (did you mean '" + unmatched.Suggestion + "'?)"));
        }

        foreach (var kept in subset.KeptExclusions)
        {
            Report(Diagnostics.DiagnosticDescriptors.ExcludedSchemaKept, OpenApiAdapter.ComponentPointer(kept.Id), kept.Id, kept.Referrer);
        }
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string pointer, params object?[] arguments)
    {
        if (_reporting)
        {
            _diagnostics.Add(DiagnosticInfo.Create(descriptor, _locator.Locate(pointer), arguments));
        }
    }
}
