using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Clerk.Models.Generator.Model;

namespace Clerk.Models.Generator.Planning;

/// <summary>
/// Decides how each union of a spec is read: which case a payload is tried as first, what tells the
/// object alternatives apart, and what is left for the unknown case. It looks only at the model, so the
/// rules (README: "How a union picks its alternative") are testable without a spec.
/// </summary>
internal static class UnionPlanner
{
    /// <summary>The spec's pattern may backtrack catastrophically; a generator must not stall the build on it.</summary>
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>The plan of every union in <paramref name="unions"/>, which must be all of one spec's: a union's plan depends on the others.</summary>
    public static List<UnionModel> Plan(IReadOnlyList<UnionModel> unions)
    {
        var leadsBack = UnionsLeadingBack(unions);
        return unions.Select(u => u with { Plan = Plan(u, leadsBack) }).ToList();
    }

    /// <summary>The plan of one union whose alternatives lead back to no union of its spec.</summary>
    public static UnionPlan Plan(UnionModel union) => Plan(union, UnionsLeadingBack(new[] { union }));

    private static UnionPlan Plan(UnionModel union, Func<UnionCaseModel, string, bool> leadsBack)
    {
        // An alternative that is itself a union fits when it reads the value as one of its own cases. One
        // that leads back to this union (itself, or a union that lists it) is not asked: the asking would
        // never end, and it fits nothing the other alternatives do not.
        var probes = union.Cases
            .Where(c => c.Type.Kind == TypeKind.Union && !leadsBack(c, union.Name))
            .Select(c => c.CaseName);

        var tokens = new List<string>();
        var fallsBack = true;
        foreach (var @case in union.Cases.Where(c => c.Type.Kind is not (TypeKind.Record or TypeKind.Union)))
        {
            tokens.Add(@case.CaseName);
            if (@case.Type.Kind == TypeKind.RawJson)
            {
                // An alternative that accepts any JSON ends the search: nothing is left for the unknown case.
                fallsBack = false;
                break;
            }
        }

        return new UnionPlan(
            union.Discriminator,
            probes.ToEquatableArray(),
            union.Discriminator is { DecidesAlone: true } ? null : SelectObjects(union),
            tokens.ToEquatableArray(),
            fallsBack,
            union.Cases.SelectMany(c => c.Checks).Where(c => c.Kind == CaseCheckKind.Pattern).Select(c => c.Values[0]).Distinct().ToEquatableArray());
    }

    private static ObjectSelection? SelectObjects(UnionModel union)
    {
        var objectCases = union.Cases.Where(c => c.Type.Kind == TypeKind.Record).ToList();
        if (objectCases.Count == 0)
        {
            return null;
        }

        if (FindDecidingMember(union.Cases.Select(c => c.Checks).ToList()) is { } member)
        {
            // The alternatives' values are disjoint, so any order picks the same case: the plain values
            // are compared first, and a pattern (a regular expression) only runs when none of them matched.
            var byMember = objectCases
                .Select(c => new ObjectCandidate(c.CaseName, new[] { ConstraintOn(c.Checks, member)! }.ToEquatableArray()))
                .OrderBy(c => c.Checks[0].Kind == CaseCheckKind.Pattern ? 1 : 0);
            return new ObjectSelection(ObjectSelectionKind.ByMember, member, byMember.ToEquatableArray());
        }

        // The most specific alternative first: of those whose checks all pass, the one that asks most wins;
        // ties keep spec order. One that asks nothing takes every object, so none after it is tried.
        var candidates = new List<ObjectCandidate>();
        foreach (var @case in objectCases.OrderByDescending(c => c.Checks.Count))
        {
            candidates.Add(new ObjectCandidate(@case.CaseName, @case.Checks));
            if (@case.Checks.Count == 0)
            {
                break;
            }
        }

        return new ObjectSelection(ObjectSelectionKind.FirstMatch, null, candidates.ToEquatableArray());
    }

    /// <summary>
    /// A member that every alternative constrains, with value sets no two alternatives share
    /// (Clerk's <c>strategy</c>): reading it alone tells the alternatives apart.
    /// </summary>
    private static string? FindDecidingMember(List<EquatableArray<CaseCheck>> cases)
    {
        if (cases.Count < 2 || cases.Any(c => c.Count == 0))
        {
            return null;
        }

        var candidates = cases[0]
            .Where(c => c.Kind is CaseCheckKind.OneOf or CaseCheckKind.Pattern)
            .Select(c => c.PropertyJsonName);
        foreach (var property in candidates)
        {
            var constraints = cases.Select(c => ConstraintOn(c, property)).ToList();
            if (constraints.Any(c => c is null))
            {
                continue;
            }

            var disjoint = true;
            for (var i = 0; i < constraints.Count && disjoint; i++)
            {
                for (var j = i + 1; j < constraints.Count && disjoint; j++)
                {
                    disjoint = AreDisjoint(constraints[i]!, constraints[j]!);
                }
            }

            if (disjoint)
            {
                return property;
            }
        }

        return null;
    }

    private static CaseCheck? ConstraintOn(EquatableArray<CaseCheck> checks, string property)
        => checks.FirstOrDefault(k => k.PropertyJsonName == property && k.Kind is CaseCheckKind.OneOf or CaseCheckKind.Pattern);

    private static bool AreDisjoint(CaseCheck left, CaseCheck right)
    {
        if (left.Kind == CaseCheckKind.OneOf && right.Kind == CaseCheckKind.OneOf)
        {
            return !left.Values.Intersect(right.Values, StringComparer.Ordinal).Any();
        }

        if (left.Kind == CaseCheckKind.Pattern && right.Kind == CaseCheckKind.Pattern)
        {
            // Whether two regular expressions overlap cannot be decided in general.
            return false;
        }

        var pattern = left.Kind == CaseCheckKind.Pattern ? left.Values[0] : right.Values[0];
        var values = left.Kind == CaseCheckKind.OneOf ? left.Values : right.Values;
        var regex = new Regex(pattern, RegexOptions.CultureInvariant, PatternTimeout);
        try
        {
            return !values.Any(regex.IsMatch);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// Whether a union case's alternative is a union of this spec from which, through the alternatives
    /// that are unions, <c>target</c> can be reached again.
    /// </summary>
    private static Func<UnionCaseModel, string, bool> UnionsLeadingBack(IReadOnlyList<UnionModel> unions)
    {
        var alternatives = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var union in unions)
        {
            alternatives[union.Name] = union.Cases.Where(IsLocalUnion).Select(c => c.Type.Name!).ToList();
        }

        bool Reaches(string from, string target)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<string>();
            pending.Push(from);
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                if (current == target)
                {
                    return true;
                }

                if (seen.Add(current) && alternatives.TryGetValue(current, out var next))
                {
                    foreach (var name in next)
                    {
                        pending.Push(name);
                    }
                }
            }

            return false;
        }

        return (@case, union) => IsLocalUnion(@case) && Reaches(@case.Type.Name!, union);
    }

    private static bool IsLocalUnion(UnionCaseModel @case) => @case.Type.Kind == TypeKind.Union && @case.Type.Namespace is null && @case.Type.Name is not null;
}
