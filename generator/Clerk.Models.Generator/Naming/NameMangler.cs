using System.Globalization;
using System.Text;

namespace Clerk.Models.Generator.Naming;

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
