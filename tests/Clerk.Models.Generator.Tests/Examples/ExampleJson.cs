using System.Linq;
using System.Text.RegularExpressions;
using Clerk.Models.Generator.Tests.Robustness.Infrastructure;

namespace Clerk.Models.Generator.Tests.Examples;

/// <summary>
/// Whether an example's YAML value has one JSON value. <see cref="YamlTree.ToJson"/> writes a plain
/// scalar as a JSON number, <c>true</c>, <c>false</c> or <c>null</c> when it is spelled as one, and as
/// a string otherwise; a scalar that YAML 1.2 or 1.1 reads another way has no one JSON value, so its
/// example is left out rather than tested against a guess.
/// </summary>
internal static class ExampleJson
{
    /// <summary>YAML 1.2 core schema's null, booleans, integers and floats in the spellings JSON lacks (<c>Null</c>, <c>+1</c>, <c>0x1F</c>, <c>.5</c>, <c>.inf</c>).</summary>
    private static readonly Regex CoreNotJson = new(
        "^(?:Null|NULL|True|TRUE|False|FALSE|0o[0-7]+|0x[0-9a-fA-F]+"
        + "|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?[0-9]+\\.(?:[eE][-+]?[0-9]+)?|\\+[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?"
        + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$",
        RegexOptions.CultureInvariant);

    /// <summary>YAML 1.1's other booleans, and numbers with a leading zero (octal in 1.1, not JSON at all).</summary>
    private static readonly Regex Yaml11Only = new("^(?:[yY]es|YES|[nN]o|NO|[oO]n|ON|[oO]ff|OFF|-?0[0-9]+(?:\\.[0-9]*)?)$", RegexOptions.CultureInvariant);

    /// <returns>The first plain scalar in <paramref name="value"/> whose JSON value is unclear, or null.</returns>
    public static string? FindUnclearScalar(YamlNode value) => value switch
    {
        YamlScalar { Plain: true } scalar when CoreNotJson.IsMatch(scalar.Value) || Yaml11Only.IsMatch(scalar.Value) => scalar.Value,
        YamlMapping mapping => mapping.Entries.Select(e => FindUnclearScalar(e.Key) ?? FindUnclearScalar(e.Value)).FirstOrDefault(s => s is not null),
        YamlSequence sequence => sequence.Items.Select(FindUnclearScalar).FirstOrDefault(s => s is not null),
        _ => null,
    };
}
