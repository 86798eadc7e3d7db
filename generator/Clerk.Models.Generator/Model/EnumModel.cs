namespace Clerk.Models.Generator.Model;

/// <summary>A schema with <c>enum</c>, emitted as an open enum class.</summary>
internal sealed record EnumModel(string Name, string FileName, string? Description, EquatableArray<EnumMemberModel> Members, EnumValueKind ValueKind)
    : TypeModel(Name, FileName, Description);

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
