using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Clerk.Models.Generator.Read.OpenApi;

namespace Clerk.Models.Generator.Read.Schemas;

/// <summary>A name in Include or Exclude that matches no component; <paramref name="Suggestion"/> is one that matches ignoring case.</summary>
internal sealed record UnmatchedName(SchemaNameList List, string Name, string? Suggestion);

/// <summary>An excluded component that is generated anyway, because <paramref name="Referrer"/> needs it.</summary>
internal sealed record KeptExclusion(string Id, string Referrer);

/// <summary>
/// Which components a spec generates under the <c>Include</c> and <c>Exclude</c> options. The roots are
/// the included components (all, without Include) minus the excluded ones; what is generated is their
/// <see cref="SchemaClosure"/>, so that the code compiles even when an excluded component is needed.
/// </summary>
internal sealed class SchemaSubset
{
    /// <summary>No option given: every component.</summary>
    public static readonly SchemaSubset Everything = new(null, new List<UnmatchedName>(), new List<KeptExclusion>());

    private readonly SchemaClosure? _closure;

    private SchemaSubset(SchemaClosure? closure, List<UnmatchedName> unmatched, List<KeptExclusion> keptExclusions)
    {
        _closure = closure;
        Unmatched = unmatched;
        KeptExclusions = keptExclusions;
    }

    public bool IsEverything => _closure is null;

    public IReadOnlyList<UnmatchedName> Unmatched { get; }

    /// <summary>Excluded components that get a type anyway, in spec order. Alias components have no type of their own and are not listed.</summary>
    public IReadOnlyList<KeptExclusion> KeptExclusions { get; }

    public bool Generates(string id) => _closure is null || _closure.Contains(id);

    public static SchemaSubset Select(OpenApiAdapter adapter, SchemaNameList? include, SchemaNameList? exclude, CancellationToken cancellationToken)
    {
        if (include is null && exclude is null)
        {
            return Everything;
        }

        var ids = adapter.Components.Keys.ToList();
        var unmatched = new List<UnmatchedName>();
        foreach (var list in new[] { include, exclude })
        {
            foreach (var name in list?.Names ?? new List<string>())
            {
                if (!ids.Any(id => SchemaNameList.Matches(name, id, ignoreCase: false)))
                {
                    unmatched.Add(new UnmatchedName(list!, name, ids.FirstOrDefault(id => SchemaNameList.Matches(name, id, ignoreCase: true))));
                }
            }
        }

        var roots = ids.Where(id => (include?.Matches(id) ?? true) && !(exclude?.Matches(id) ?? false));
        var closure = SchemaClosure.Of(adapter, roots, cancellationToken);
        var kept = ids
            .Where(id => exclude is not null && exclude.Matches(id) && closure.Contains(id)
                && adapter.Components[id] is { } schema && SchemaClassifier.Classify(schema) != SchemaShape.Alias)
            .Select(id => new KeptExclusion(id, closure.ReferrerOf(id)!))
            .ToList();
        return new SchemaSubset(closure, unmatched, kept);
    }
}
