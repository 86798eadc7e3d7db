using System.Collections.Generic;
using System.Linq;

namespace Clerk.Models.Generator.Read.Schemas;

/// <summary>
/// The value of the <c>Include</c> or <c>Exclude</c> option: component schema names separated by ',' or
/// ';', each trimmed, where <c>*</c> stands for any characters (<c>User,Email*</c>). Names are the spec's
/// keys, compared case-sensitively: the C# name can be a renamed one (<c>FooBar2</c>), and two keys
/// can differ only in case.
/// </summary>
/// <remarks>
/// ',' because MSBuild hands options to the compiler in an .editorconfig file, where ';' starts a
/// comment: of <c>User;Email*</c> in a project file, the generator sees only <c>User</c>.
/// </remarks>
internal sealed class SchemaNameList
{
    private static readonly char[] s_separators = { ',', ';' };

    private SchemaNameList(string option, IReadOnlyList<string> names)
    {
        Option = option;
        Names = names;
    }

    /// <summary>How messages name the option: <c>Include (ClerkModelsInclude)</c>.</summary>
    public string Option { get; }

    /// <summary>The names and patterns, in the order written, without empty entries.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The list, or null when <paramref name="text"/> names nothing (absent, blank, or only separators).</summary>
    public static SchemaNameList? Parse(string? text, string option)
    {
        var names = (text ?? string.Empty).Split(s_separators)
            .Select(n => n.Trim())
            .Where(n => n.Length > 0)
            .ToList();
        return names.Count == 0 ? null : new SchemaNameList(option, names);
    }

    public bool Matches(string schemaName) => Names.Any(n => Matches(n, schemaName, ignoreCase: false));

    /// <summary>
    /// Whether <paramref name="pattern"/> matches all of <paramref name="name"/>, <c>*</c> matching any run
    /// of characters. Matched by hand, not as a regular expression: linear in practice, and nothing in a
    /// schema name needs escaping.
    /// </summary>
    public static bool Matches(string pattern, string name, bool ignoreCase)
    {
        int p = 0, n = 0, star = -1, resume = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = n;
            }
            else if (p < pattern.Length && Same(pattern[p], name[n], ignoreCase))
            {
                p++;
                n++;
            }
            else if (star >= 0)
            {
                // Let the last '*' take one more character, and try the rest of the pattern again.
                p = star + 1;
                n = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static bool Same(char a, char b, bool ignoreCase)
        => a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
