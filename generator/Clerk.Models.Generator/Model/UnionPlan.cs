namespace Clerk.Models.Generator.Model;

/// <summary>
/// How a union's converter reads a value: the steps it tries, in order, and whether what is left is
/// kept as the unknown case. Decided by <see cref="Planning.UnionPlanner"/> from the cases alone.
/// </summary>
/// <param name="Discriminator">For an object, asked first: a known value picks its case, an unknown one keeps the raw JSON, an absent one goes on.</param>
/// <param name="Probes">Cases whose alternative is a union, asked in this order to read the value as one of their own cases.</param>
/// <param name="Objects">How an object is matched to an object alternative; null when there is none.</param>
/// <param name="Tokens">The other cases, tried by the token they take, in this order.</param>
/// <param name="FallsBackToUnknown">False when the last of <paramref name="Tokens"/> takes any JSON, so nothing is left unknown.</param>
/// <param name="Patterns">The regular expressions the checks use, each once, in the order of their fields.</param>
internal sealed record UnionPlan(
    UnionDiscriminator? Discriminator,
    EquatableArray<string> Probes,
    ObjectSelection? Objects,
    EquatableArray<string> Tokens,
    bool FallsBackToUnknown,
    EquatableArray<string> Patterns);

internal enum ObjectSelectionKind
{
    /// <summary>One member, whose allowed values differ between the alternatives, decides alone.</summary>
    ByMember,

    /// <summary>The first candidate whose checks all pass wins.</summary>
    FirstMatch,
}

/// <param name="MemberJsonName">The deciding member, for <see cref="ObjectSelectionKind.ByMember"/>.</param>
/// <param name="Candidates">In the order they are tried.</param>
internal sealed record ObjectSelection(ObjectSelectionKind Kind, string? MemberJsonName, EquatableArray<ObjectCandidate> Candidates);

/// <param name="Checks">
/// What the object must pass, all of it. For <see cref="ObjectSelectionKind.ByMember"/>, the one check on
/// the deciding member. Empty: the candidate takes every object, and is the last one tried.
/// </param>
internal sealed record ObjectCandidate(string CaseName, EquatableArray<CaseCheck> Checks);
