namespace Clerk.Models.Generator.Model;

/// <summary>What a JSON value maps to in C#.</summary>
internal enum TypeKind
{
    String,
    Boolean,
    Int32,
    Int64,
    Single,
    Double,
    Decimal,

    /// <summary>Any JSON, kept as its exact text (free-form objects, schemas we cannot type).</summary>
    RawJson,

    /// <summary>A generated record (an object schema).</summary>
    Record,

    /// <summary>A generated open enum (a string schema with <c>enum</c>).</summary>
    Enum,

    /// <summary>A generated union (a <c>oneOf</c>/<c>anyOf</c> of several alternatives).</summary>
    Union,

    /// <summary>A JSON array; <see cref="TypeRef.Item"/> is the element type.</summary>
    Array,
}

/// <summary>
/// A reference to a C# type by name. <see cref="Name"/> is the simple name of a generated type
/// in the spec's namespace; primitives and arrays have no name.
/// </summary>
internal sealed record TypeRef(TypeKind Kind, string? Name = null, TypeRef? Item = null)
{
    public static readonly TypeRef String = new(TypeKind.String);
    public static readonly TypeRef Boolean = new(TypeKind.Boolean);
    public static readonly TypeRef Int32 = new(TypeKind.Int32);
    public static readonly TypeRef Int64 = new(TypeKind.Int64);
    public static readonly TypeRef Single = new(TypeKind.Single);
    public static readonly TypeRef Double = new(TypeKind.Double);
    public static readonly TypeRef Decimal = new(TypeKind.Decimal);
    public static readonly TypeRef RawJson = new(TypeKind.RawJson);

    public static TypeRef ArrayOf(TypeRef item) => new(TypeKind.Array, null, item);

    /// <summary>True for types that C# represents as structs, which need <c>?</c> to hold null.</summary>
    public bool IsValueType => Kind is TypeKind.Boolean or TypeKind.Int32 or TypeKind.Int64
        or TypeKind.Single or TypeKind.Double or TypeKind.Decimal;
}
