namespace Clerk.Models.Generator.Read.Schemas;

/// <summary>What a schema becomes in C#.</summary>
internal enum SchemaShape
{
    /// <summary>No type of its own: a primitive, an array, free-form JSON or another schema.</summary>
    Alias,

    /// <summary>An object with members: a record.</summary>
    Record,

    /// <summary>A schema with <c>enum</c>: an open enum class.</summary>
    Enum,

    /// <summary>A <c>oneOf</c>/<c>anyOf</c> of several alternatives: a union.</summary>
    Union,
}
