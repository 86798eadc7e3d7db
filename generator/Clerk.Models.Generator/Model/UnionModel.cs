namespace Clerk.Models.Generator.Model;

/// <summary>A <c>oneOf</c>/<c>anyOf</c> of several alternatives, emitted as an abstract record with one nested case each.</summary>
/// <param name="Discriminator">The spec's <c>discriminator</c>, consulted first when the payload carries it.</param>
/// <param name="Plan">How the converter tells the alternatives apart; see <see cref="Planning.UnionPlanner"/>.</param>
internal sealed record UnionModel(
    string Name,
    string FileName,
    string? Description,
    EquatableArray<UnionCaseModel> Cases,
    string UnknownCaseName,
    UnionDiscriminator? Discriminator,
    UnionPlan Plan) : TypeModel(Name, FileName, Description);

/// <summary>A <c>discriminator</c>: the member whose value names the alternative, and which value names which case.</summary>
/// <param name="DecidesAlone">
/// True when nothing else tells the cases apart (the webhook union with <c>WebhookEventMember</c>): a
/// value without the member is the unknown case too, not matched by its structure.
/// </param>
internal sealed record UnionDiscriminator(string PropertyJsonName, EquatableArray<DiscriminatorValue> Values, bool DecidesAlone = false);

internal sealed record DiscriminatorValue(string Value, string CaseName);

/// <param name="CaseName">The name of the nested case record.</param>
/// <param name="Type">The alternative's type (a record for Clerk's unions).</param>
/// <param name="Checks">What a payload must satisfy to be this alternative.</param>
/// <param name="EnumValues">For an enum alternative: what its values are, and so which token it takes.</param>
/// <param name="UnknownCaseName">For an alternative that is itself a union: that union's case for values none of its alternatives fit.</param>
internal sealed record UnionCaseModel(string CaseName, TypeRef Type, EquatableArray<CaseCheck> Checks, EnumValueKind? EnumValues = null, string? UnknownCaseName = null);

internal enum CaseCheckKind
{
    /// <summary>The member is present.</summary>
    Required,

    /// <summary>The member, if it is a string, is one of <see cref="CaseCheck.Values"/>.</summary>
    OneOf,

    /// <summary>The member, if it is a string, matches the regular expression in <see cref="CaseCheck.Values"/>[0].</summary>
    Pattern,
}

internal sealed record CaseCheck(CaseCheckKind Kind, string PropertyJsonName, EquatableArray<string> Values);
