using System;
using System.Collections.Generic;
using System.Linq;

namespace Clerk.Models.Generator.Naming;

/// <summary>What a generated type is, for the names its own members already take.</summary>
internal enum GeneratedTypeKind
{
    Record,
    Enum,
    Union,
}

/// <summary>
/// The names of one spec's generated types, which share a namespace, and of their files, which share a
/// folder. Components claim theirs first, in spec order, then inline types, then the resolver. A
/// component has a file of its own; an inline type goes into the file of the component it is built for.
/// </summary>
internal sealed class TypeNames
{
    private readonly NameScope _types = new();

    // Generated files are told apart ignoring case (as on Windows and macOS), C# types are not.
    private readonly NameScope _files = new(comparer: StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _fileOf = new(StringComparer.Ordinal);
    private readonly List<string> _fileOrder = new();
    private readonly Dictionary<string, List<string>> _typesIn = new(StringComparer.Ordinal);

    /// <summary>Claims the type's name: <paramref name="desired"/>, or the next free one.</summary>
    /// <param name="file">The file the type goes into; null for a file of its own (a component's).</param>
    /// <returns>The name, which differs from <paramref name="desired"/> when that was taken.</returns>
    public string Claim(string desired, GeneratedTypeKind kind, string? file = null)
    {
        var claimed = _types.Claim(AvoidOwnMembers(desired, kind));
        if (file is null)
        {
            ClaimFile(claimed);
        }
        else
        {
            _fileOf[claimed] = file;
            _typesIn[file].Add(claimed);
        }

        return claimed;
    }

    /// <summary>The files in the order they were claimed, each with its types in the order they were named.</summary>
    public IEnumerable<(string File, IReadOnlyList<string> Types)> Files
        => _fileOrder.Select(f => (f, (IReadOnlyList<string>)_typesIn[f]));

    /// <summary>How many files hold types so far: with <see cref="FilesFrom"/>, the files a step added.</summary>
    public int FileCount => _fileOrder.Count;

    /// <summary>The files claimed from position <paramref name="start"/> on (see <see cref="FileCount"/>).</summary>
    public IEnumerable<string> FilesFrom(int start) => _fileOrder.Skip(start);

    /// <summary>The resolver's name, claimed after every type so that a schema keeps its own name.</summary>
    public string ClaimResolver(string desired)
    {
        var claimed = _types.Claim(desired);
        ClaimFile(claimed, holdsTypes: false);
        return claimed;
    }

    /// <summary>The type's part of its file's hint name (<c>{HintPrefix}.{FileName}.g.cs</c>).</summary>
    public string FileOf(string typeName) => _fileOf[typeName];

    /// <summary>A name the type of <paramref name="kind"/> declares a member of (JsonConverter, Value...) gets <c>Model</c> after it.</summary>
    public static string AvoidOwnMembers(string typeName, GeneratedTypeKind kind)
    {
        var reserved = kind switch
        {
            GeneratedTypeKind.Record => ReservedNames.RecordTypeNames,
            GeneratedTypeKind.Enum => ReservedNames.EnumTypeNames,
            _ => ReservedNames.UnionTypeNames,
        };
        return Array.IndexOf(reserved, typeName) >= 0 ? typeName + "Model" : typeName;
    }

    /// <summary>The case that keeps a value no alternative fits: <c>Unknown</c>, unless the union itself has that name.</summary>
    public static string UnknownCaseOf(string unionName)
        => new NameScope(ReservedNames.UnionMembers.Concat(new[] { unionName })).Claim(EmittedNames.UnknownCase);

    /// <summary>
    /// The name, or, when another type of the spec has that name in another case (<c>Case</c>, <c>CASE</c>),
    /// the name with a hash of the exact name after it.
    /// </summary>
    /// <param name="holdsTypes">False for the resolver's file, which is not one of <see cref="Files"/>.</param>
    private void ClaimFile(string typeName, bool holdsTypes = true)
    {
        var fileName = _files.IsTaken(typeName)
            ? _files.Claim(typeName + "-" + NameMangler.StableHash(typeName))
            : _files.Claim(typeName);
        _fileOf[typeName] = fileName;
        if (holdsTypes)
        {
            _fileOrder.Add(fileName);
            _typesIn[fileName] = new List<string> { typeName };
        }
    }
}
