using System.Linq;

namespace Clerk.Models.Generator.Naming;

/// <summary>
/// The names each kind of generated type already uses, declared by the generated code or inherited:
/// a name from the spec never takes one of them. Emitted identifiers are spelled in <see cref="EmittedNames"/>;
/// the tables here list them again only where a spec name could meet them.
/// </summary>
internal static class ReservedNames
{
    /// <summary>
    /// What every class inherits from <c>object</c>, its static members included: a member of that name
    /// would hide one (CS0108), which fails a consumer that treats warnings as errors.
    /// </summary>
    private static readonly string[] ObjectMembers =
    {
        "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    /// <summary>What a record's property cannot be named: the record's own and inherited members.</summary>
    public static readonly string[] RecordMembers = ObjectMembers.Concat(new[]
    {
        "EqualityContract", "PrintMembers", "Deconstruct", "Clone",
        EmittedNames.ConverterClass, EmittedNames.IsPresentMethod, EmittedNames.WithoutMethod,
        EmittedNames.AdditionalPropertiesProperty, EmittedNames.MemberEnum,
    }).ToArray();

    /// <summary>What an enum's known value cannot be named: the enum class's own and inherited members.</summary>
    public static readonly string[] EnumMembers = ObjectMembers.Concat(new[]
    {
        "Value", "IsKnown", "From", EmittedNames.ConverterClass,
    }).ToArray();

    /// <summary>
    /// What a case cannot be named: the union's own members, and the members of the case records,
    /// which inherit the union's nested types (a case named <c>Value</c> would hide every case's <c>Value</c>).
    /// </summary>
    public static readonly string[] UnionMembers = ObjectMembers.Concat(new[]
    {
        "EqualityContract", "PrintMembers", "Deconstruct", "Clone",
        EmittedNames.ConverterClass, EmittedNames.CaseValueProperty, EmittedNames.UnknownJsonProperty,
    }).ToArray();

    // A type cannot have a member of its own name (CS0542): a schema is not named like a member its type declares.

    /// <summary>What a record type cannot be named.</summary>
    public static readonly string[] RecordTypeNames =
    {
        EmittedNames.ConverterClass, EmittedNames.MemberEnum, EmittedNames.AdditionalPropertiesProperty, EmittedNames.IsPresentMethod, EmittedNames.WithoutMethod,
        "EqualityContract", "PrintMembers", "ToString", "Equals", "GetHashCode", "Deconstruct",
    };

    /// <summary>What an enum type cannot be named.</summary>
    public static readonly string[] EnumTypeNames =
    {
        EmittedNames.ConverterClass, "Value", "IsKnown", "From", "ToString", "Equals", "GetHashCode",
    };

    /// <summary>What a union type cannot be named.</summary>
    public static readonly string[] UnionTypeNames =
    {
        EmittedNames.ConverterClass, "EqualityContract", "PrintMembers", "ToString", "Equals", "GetHashCode", "Deconstruct",
    };

    /// <summary>What a property of the spec's resolver cannot be named: its own and inherited members.</summary>
    public static readonly string[] ResolverMembers = ObjectMembers.Concat(new[]
    {
        "Default", "Options", "GetTypeInfo", "Create",
    }).ToArray();
}
