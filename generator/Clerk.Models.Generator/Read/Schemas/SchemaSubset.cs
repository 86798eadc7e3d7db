using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Clerk.Models.Generator.Read.OpenApi;
using Clerk.Models.Generator.Read.Payloads;
using Microsoft.OpenApi;

namespace Clerk.Models.Generator.Read.Schemas;

/// <summary>A name in Include or Exclude that matches no component; <paramref name="Suggestion"/> is one that matches ignoring case.</summary>
internal sealed record UnmatchedName(SchemaNameList List, string Name, string? Suggestion);

/// <summary>An excluded component that is generated anyway, because <paramref name="Referrer"/> needs it.</summary>
internal sealed record KeptExclusion(string Id, string Referrer);

/// <summary>
/// Which components and payloads a spec generates under the <c>Include</c> and <c>Exclude</c> options.
/// The names match component schemas, operation ids, component request bodies and responses, and
/// webhooks. The roots are the included ones (all, without Include) minus the excluded ones; what is
/// generated is the roots and the <see cref="SchemaClosure"/> of their schemas, so that the code
/// compiles even when an excluded component is needed.
/// </summary>
internal sealed class SchemaSubset
{
    /// <summary>No option given: everything.</summary>
    public static readonly SchemaSubset Everything = new(null, null, null, new List<UnmatchedName>(), new List<KeptExclusion>());

    private readonly SchemaClosure? _closure;
    private readonly SchemaNameList? _include;
    private readonly SchemaNameList? _exclude;

    private SchemaSubset(SchemaClosure? closure, SchemaNameList? include, SchemaNameList? exclude, List<UnmatchedName> unmatched, List<KeptExclusion> keptExclusions)
    {
        _closure = closure;
        _include = include;
        _exclude = exclude;
        Unmatched = unmatched;
        KeptExclusions = keptExclusions;
    }

    public bool IsEverything => _closure is null;

    public IReadOnlyList<UnmatchedName> Unmatched { get; }

    /// <summary>Excluded components that get a type anyway, in spec order. Alias components have no type of their own and are not listed.</summary>
    public IReadOnlyList<KeptExclusion> KeptExclusions { get; }

    public bool Generates(string id) => _closure is null || _closure.Contains(id);

    /// <summary>
    /// Whether a payload named <paramref name="subsetName"/> (an operation id, a component body's or a
    /// webhook's name) is generated; one without a name is, unless Include is given.
    /// </summary>
    public bool GeneratesPayload(string? subsetName)
        => subsetName is null
            ? _include is null
            : (_include?.Matches(subsetName) ?? true) && !(_exclude?.Matches(subsetName) ?? false);

    private static string WebhookTypeName(string webhook) => Naming.NameMangler.ToPascalCase(webhook, "Webhook") + "Event";

    public static SchemaSubset Select(OpenApiAdapter adapter, SchemaNameList? include, SchemaNameList? exclude, PayloadRoots payloads, CancellationToken cancellationToken)
    {
        if (include is null && exclude is null)
        {
            return Everything;
        }

        var ids = adapter.Components.Keys.ToList();
        var names = ids
            .Concat(payloads.Roots.Select(r => r.SubsetName).OfType<string>())
            .Concat(payloads.Operations.Select(o => o.OperationId))
            .Concat(payloads.Webhooks.Select(w => w.Name))
            .Distinct(System.StringComparer.Ordinal)
            .ToList();
        var unmatched = new List<UnmatchedName>();
        foreach (var list in new[] { include, exclude })
        {
            foreach (var name in list?.Names ?? new List<string>())
            {
                if (!names.Any(known => SchemaNameList.Matches(name, known, ignoreCase: false)))
                {
                    unmatched.Add(new UnmatchedName(list!, name, names.FirstOrDefault(known => SchemaNameList.Matches(name, known, ignoreCase: true))));
                }
            }
        }

        var subset = new SchemaSubset(null, include, exclude, unmatched, new List<KeptExclusion>());
        var roots = ids.Where(id => (include?.Matches(id) ?? true) && !(exclude?.Matches(id) ?? false));
        var inlineRoots = payloads.Roots
            .Where(r => subset.GeneratesPayload(r.SubsetName))
            .Select(r => (r.DesiredName, r.Schema))
            .Concat(payloads.Webhooks
                .Where(w => w.SchemaReference is not null && subset.GeneratesPayload(w.Name))
                .Select(w => (WebhookTypeName(w.Name), (IOpenApiSchema)w.SchemaReference!)))
            .Concat(payloads.Operations
                .Where(o => subset.GeneratesPayload(o.OperationId))
                .SelectMany(o => o.References.Select(schema => (o.OperationId, schema))));
        var closure = SchemaClosure.Of(adapter, roots, inlineRoots, cancellationToken);
        var kept = ids
            .Where(id => exclude is not null && exclude.Matches(id) && closure.Contains(id)
                && adapter.Components[id] is { } schema && SchemaClassifier.Classify(schema) != SchemaShape.Alias)
            .Select(id => new KeptExclusion(id, closure.ReferrerOf(id)!))
            .ToList();
        return new SchemaSubset(closure, include, exclude, unmatched, kept);
    }
}
