using System.Collections.Generic;
using System.Globalization;

namespace Clerk.Models.Generator.Naming;

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
