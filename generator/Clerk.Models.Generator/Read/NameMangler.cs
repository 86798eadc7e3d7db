using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Clerk.Models.Generator.Read;

/// <summary>Turns names from a spec into C# identifiers.</summary>
internal static class NameMangler
{
    /// <summary>
    /// The longest identifier made from a spec name. C# allows 512 characters; this leaves room for
    /// the prefixes and suffixes derived names add (<c>_field</c>, <c>s_…Name</c>, <c>…Value</c>, <c>…2</c>).
    /// </summary>
    public const int MaxIdentifierLength = 128;

    /// <summary>
    /// PascalCase from any spec name: words are split on every character that cannot appear in an
    /// identifier, each word's first letter is upper-cased and the rest kept, so <c>first_name</c>
    /// becomes <c>FirstName</c>, <c>schemas-Passkey</c> becomes <c>SchemasPasskey</c> and
    /// <c>SAMLAccount</c> stays as it is.
    /// </summary>
    public static string ToPascalCase(string name, string fallback = "Value")
    {
        var builder = new StringBuilder(name.Length);
        var upperNext = true;
        foreach (var c in name)
        {
            if (IsIdentifierPart(c) && c != '_')
            {
                builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
            else
            {
                upperNext = true;
            }
        }

        if (builder.Length == 0)
        {
            return fallback;
        }

        if (!IsIdentifierStart(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return Limit(builder.ToString());
    }

    /// <summary>
    /// An identifier of at most <see cref="MaxIdentifierLength"/> characters: a longer one keeps its
    /// start and ends with a hash of the whole name, so that two long names with one start stay apart
    /// and a name is shortened the same way on every build.
    /// </summary>
    public static string Limit(string identifier)
    {
        if (identifier.Length <= MaxIdentifierLength)
        {
            return identifier;
        }

        var hash = "_" + StableHash(identifier);
        var keep = MaxIdentifierLength - hash.Length;
        if (char.IsHighSurrogate(identifier[keep - 1]))
        {
            keep--;
        }

        return identifier.Substring(0, keep) + hash;
    }

    /// <summary>Eight hex digits that depend only on <paramref name="text"/> (FNV-1a over its UTF-16 code units).</summary>
    public static string StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash.ToString("x8", CultureInfo.InvariantCulture);
    }

    /// <summary>Writes an identifier so that it compiles even when it is a keyword.</summary>
    public static string Escape(string identifier)
        => SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;

    /// <summary>camelCase for locals: <c>FirstName</c> becomes <c>firstName</c>.</summary>
    public static string ToCamelCase(string pascal)
        => pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);

    private static bool IsIdentifierStart(char c) => c == '_' || char.IsLetter(c);

    private static bool IsIdentifierPart(char c)
    {
        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.ConnectorPunctuation:
                return true;
            default:
                return false;
        }
    }
}

/// <summary>
/// The names already used in one C# scope (a namespace, or the members of one type).
/// Claiming a taken name gives the next free one with a number suffix, deterministically.
/// </summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _taken;

    /// <param name="comparer">Ordinal (C# names) unless told otherwise: file names compare ignoring case.</param>
    public NameScope(IEnumerable<string>? reserved = null, IEqualityComparer<string>? comparer = null)
    {
        _taken = new HashSet<string>(comparer ?? System.StringComparer.Ordinal);
        if (reserved is not null)
        {
            foreach (var name in reserved)
            {
                _taken.Add(name);
            }
        }
    }

    public bool IsTaken(string name) => _taken.Contains(name);

    /// <summary>Claims <paramref name="desired"/>, or the first of <c>desired2</c>, <c>desired3</c>... that is free.</summary>
    public string Claim(string desired)
    {
        if (_taken.Add(desired))
        {
            return desired;
        }

        for (var i = 2; ; i++)
        {
            var candidate = desired + i.ToString(CultureInfo.InvariantCulture);
            if (_taken.Add(candidate))
            {
                return candidate;
            }
        }
    }
}
