namespace Clerk.Models.Generator.Model;

/// <summary>A generated type: a record, an open enum or a union.</summary>
/// <param name="FileName">The file it is emitted into (see <see cref="FileModel.FileName"/>): its component's.</param>
internal abstract record TypeModel(string Name, string FileName, string? Description)
{
    /// <summary>Where in the spec the type's schema is written, as a JSON pointer (<c>/components/schemas/User</c>): its docs name it.</summary>
    public string SourcePointer { get; init; } = string.Empty;
}
