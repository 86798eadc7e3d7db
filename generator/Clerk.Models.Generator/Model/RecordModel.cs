namespace Clerk.Models.Generator.Model;

/// <summary>One object schema, emitted as a sealed record with a nested converter.</summary>
internal sealed record RecordModel(
    string Name,
    string FileName,
    string? Description,
    string? ObsoleteMessage,
    EquatableArray<PropertyModel> Properties,
    string AdditionalPropertiesName,
    string MemberEnumName) : TypeModel(Name, FileName, Description);

/// <summary>One member of an object schema.</summary>
/// <param name="JsonName">The name on the wire, exactly as the spec spells it.</param>
/// <param name="Name">The C# property name.</param>
/// <param name="IsRequired">Listed in the schema's <c>required</c>: code that builds the record must set it (C# <c>required</c>).</param>
/// <param name="IsRequiredWhenRead">
/// Required, and <c>RequiredMembers</c> is <c>enforce</c>: a payload without it is refused. With
/// <c>lenient</c>, a required member a payload omits is read as absent, so its type must be nullable.
/// </param>
/// <param name="IsNullable">The spec allows <c>null</c> as its value.</param>
/// <param name="FieldName">The backing field, which the converter also reads into and writes from.</param>
internal sealed record PropertyModel(
    string JsonName,
    string Name,
    TypeRef Type,
    bool IsRequired,
    bool IsRequiredWhenRead,
    bool IsNullable,
    string? Description,
    string? ObsoleteMessage,
    string FieldName)
{
    /// <summary>
    /// A property is non-nullable in C# only when every record read holds a value: required (and
    /// enforced when read) and not nullable.
    /// </summary>
    public bool IsCSharpNullable => !IsRequiredWhenRead || IsNullable;

    /// <summary>JSON <c>null</c> is refused only where the C# type cannot hold it.</summary>
    public bool AcceptsNull => IsCSharpNullable;
}
