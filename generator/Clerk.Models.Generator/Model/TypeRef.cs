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

    /// <summary>A <c>date-time</c> string.</summary>
    DateTimeOffset,

    /// <summary>A <c>date</c> string: <c>DateOnly</c> where the target framework has it, else a string.</summary>
    Date,

    /// <summary>A <c>uuid</c> string.</summary>
    Guid,

    /// <summary>A base64 <c>byte</c> string, as value-equal bytes.</summary>
    Bytes,

    /// <summary>An integer of unix milliseconds, exposed as a <c>DateTimeOffset</c> (opt-in).</summary>
    UnixMilliseconds,

    /// <summary>An integer of unix seconds, exposed as a <c>DateTimeOffset</c> (opt-in).</summary>
    UnixSeconds,

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

    /// <summary>A JSON object used as a dictionary (<c>additionalProperties: {schema}</c>); <see cref="TypeRef.Item"/> is the value type.</summary>
    Map,
}

/// <summary>
/// A reference to a C# type by name. <see cref="Name"/> is the simple name of a generated type,
/// in <see cref="Namespace"/> when it comes from another spec, else in this spec's namespace;
/// primitives and containers have no name.
/// </summary>
/// <param name="ItemNullable">For arrays and maps: the items may be <c>null</c>.</param>
internal sealed record TypeRef(TypeKind Kind, string? Name = null, TypeRef? Item = null, bool ItemNullable = false, string? Namespace = null)
{
    public static readonly TypeRef String = new(TypeKind.String);
    public static readonly TypeRef Boolean = new(TypeKind.Boolean);
    public static readonly TypeRef Int32 = new(TypeKind.Int32);
    public static readonly TypeRef Int64 = new(TypeKind.Int64);
    public static readonly TypeRef Single = new(TypeKind.Single);
    public static readonly TypeRef Double = new(TypeKind.Double);
    public static readonly TypeRef Decimal = new(TypeKind.Decimal);
    public static readonly TypeRef RawJson = new(TypeKind.RawJson);

    public static readonly TypeRef DateTimeOffset = new(TypeKind.DateTimeOffset);
    public static readonly TypeRef Date = new(TypeKind.Date);
    public static readonly TypeRef Guid = new(TypeKind.Guid);
    public static readonly TypeRef Bytes = new(TypeKind.Bytes);

    public static TypeRef ArrayOf(TypeRef item, bool itemNullable = false) => new(TypeKind.Array, null, item, itemNullable);

    public static TypeRef MapOf(TypeRef item, bool itemNullable = false) => new(TypeKind.Map, null, item, itemNullable);

    public bool IsContainer => Kind is TypeKind.Array or TypeKind.Map;
}
