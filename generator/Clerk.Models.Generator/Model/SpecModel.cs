namespace Clerk.Models.Generator.Model;

/// <summary>Everything needed to emit the C# for one spec file. Plain values only.</summary>
/// <param name="SpecPath">The spec file, for diagnostics found while emitting.</param>
/// <param name="SpecName">The file name without extension, safe for hint names and comments.</param>
/// <param name="ResolverName">The spec's <c>IJsonTypeInfoResolver</c> class, e.g. <c>ClerkUserJson</c>.</param>
/// <param name="HintPrefix">The start of the spec's hint names: its file name, made unique among the project's specs.</param>
/// <param name="ResolverFileName">The resolver's part of its hint name (see <see cref="RecordModel.FileName"/>).</param>
internal sealed record SpecModel(
    string SpecPath,
    string SpecName,
    string HintPrefix,
    string Namespace,
    bool IsPublic,
    EquatableArray<RecordModel> Records,
    EquatableArray<EnumModel> Enums,
    EquatableArray<UnionModel> Unions,
    string ResolverName,
    string ResolverFileName);

/// <summary>Facts about the consuming compilation that change what the emitted code may use.</summary>
/// <param name="SupportsRequiredMembers">C# 11 or later: <c>required</c> can be used (its attributes are polyfilled where missing).</param>
/// <param name="HasDateOnly"><c>System.DateOnly</c> exists (.NET 6 and later).</param>
/// <param name="MissingPolyfills">Compiler-support types the generated code needs that the target framework lacks.</param>
internal sealed record CompilationFeatures(bool SupportsRequiredMembers, bool HasDateOnly, EquatableArray<string> MissingPolyfills);

/// <summary>One object schema, emitted as a sealed record with a nested converter.</summary>
/// <param name="FileName">
/// The type's part of its file's hint name (<c>{HintPrefix}.{FileName}.g.cs</c>): its name, made
/// unique ignoring case among the spec's files.
/// </param>
internal sealed record RecordModel(
    string Name,
    string FileName,
    string? Description,
    string? ObsoleteMessage,
    EquatableArray<PropertyModel> Properties,
    string AdditionalPropertiesName,
    string MemberEnumName);

/// <summary>One member of an object schema.</summary>
/// <param name="JsonName">The name on the wire, exactly as the spec spells it.</param>
/// <param name="Name">The C# property name.</param>
/// <param name="IsRequired">Listed in the schema's <c>required</c>: the payload must carry it.</param>
/// <param name="IsNullable">The spec allows <c>null</c> as its value.</param>
/// <param name="FieldName">The backing field.</param>
/// <param name="LocalName">The converter's local that holds the value while the object is read.</param>
/// <param name="EncodedNameField">The converter's static field that holds the pre-encoded JSON name.</param>
internal sealed record PropertyModel(
    string JsonName,
    string Name,
    TypeRef Type,
    bool IsRequired,
    bool IsNullable,
    string? Description,
    string? ObsoleteMessage,
    string FieldName,
    string LocalName,
    string EncodedNameField)
{
    /// <summary>
    /// A property is non-nullable in C# only when the spec guarantees a value:
    /// required and not nullable.
    /// </summary>
    public bool IsCSharpNullable => !IsRequired || IsNullable;

    /// <summary>JSON <c>null</c> is refused only where the C# type cannot hold it.</summary>
    public bool AcceptsNull => IsCSharpNullable;
}

/// <summary>A schema with <c>enum</c>, emitted as an open enum class.</summary>
/// <param name="FileName">The type's part of its file's hint name (see <see cref="RecordModel.FileName"/>).</param>
internal sealed record EnumModel(string Name, string FileName, string? Description, EquatableArray<EnumMemberModel> Members, EnumValueKind ValueKind);

/// <param name="Value">The string for a string enum; the JSON text of the value otherwise.</param>
internal sealed record EnumMemberModel(string Value, string Name);

/// <summary>What an enum's values are, and so the type of its <c>Value</c>.</summary>
internal enum EnumValueKind
{
    String,
    Int32,
    Int64,

    /// <summary>A mix of strings and numbers: each value is its raw JSON.</summary>
    Json,
}

/// <summary>A <c>oneOf</c>/<c>anyOf</c> of several alternatives, emitted as an abstract record with one nested case each.</summary>
/// <param name="Selector">How the converter decides which alternative a payload is.</param>
/// <param name="Discriminator">The spec's <c>discriminator</c>, consulted first when the payload carries it.</param>
/// <param name="FileName">The type's part of its file's hint name (see <see cref="RecordModel.FileName"/>).</param>
internal sealed record UnionModel(
    string Name,
    string FileName,
    string? Description,
    EquatableArray<UnionCaseModel> Cases,
    string UnknownCaseName,
    UnionSelector Selector,
    UnionDiscriminator? Discriminator);

/// <summary>A <c>discriminator</c>: the member whose value names the alternative, and which value names which case.</summary>
internal sealed record UnionDiscriminator(string PropertyJsonName, EquatableArray<DiscriminatorValue> Values);

internal sealed record DiscriminatorValue(string Value, string CaseName);

/// <param name="CaseName">The name of the nested case record.</param>
/// <param name="Type">The alternative's type (a record for Clerk's unions).</param>
/// <param name="Checks">What a payload must satisfy to be this alternative.</param>
/// <param name="EnumValues">For an enum alternative: what its values are, and so which token it takes.</param>
/// <param name="UnknownCaseName">For an alternative that is itself a union: that union's case for values none of its alternatives fit.</param>
/// <param name="IsProbed">
/// False for an alternative that is a union leading back to this one (itself, or a union that lists
/// it): trying it when reading would recurse without end, and it fits nothing the others do not.
/// </param>
internal sealed record UnionCaseModel(string CaseName, TypeRef Type, EquatableArray<CaseCheck> Checks, EnumValueKind? EnumValues = null, string? UnknownCaseName = null, bool IsProbed = true);

internal enum UnionSelectorKind
{
    /// <summary>One member whose allowed values differ between alternatives decides.</summary>
    DistinguishingProperty,

    /// <summary>The first alternative whose checks all pass wins.</summary>
    FirstMatch,
}

/// <param name="PropertyJsonName">The deciding member for <see cref="UnionSelectorKind.DistinguishingProperty"/>.</param>
internal sealed record UnionSelector(UnionSelectorKind Kind, string? PropertyJsonName);

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
