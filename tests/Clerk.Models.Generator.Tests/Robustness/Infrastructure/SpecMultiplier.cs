using System;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Clerk.Models.Generator.Tests.Robustness.Infrastructure;

/// <summary>
/// Makes a large spec from a real one: the <c>components.schemas</c> block is repeated under other
/// names (<c>User</c>, <c>User_2</c>, …, with every <c>$ref</c> of a copy renamed alike) until the
/// document reaches the size asked for. Works on block-style YAML with two-space indentation.
/// </summary>
public static class SpecMultiplier
{
    private static readonly Regex SchemaKey = new(@"^    ([^\s#'""][^:]*):", RegexOptions.CultureInvariant);
    private static readonly Regex Reference = new(@"#/components/schemas/([A-Za-z0-9_.\-]+)", RegexOptions.CultureInvariant);

    /// <returns>The document and how many copies of the schemas it holds (the original counts as one).</returns>
    public static (string Text, int Copies, int SchemasPerCopy) Multiply(string yaml, int minimumLength)
    {
        var lines = yaml.Replace("\r\n", "\n").Split('\n');
        var components = Array.IndexOf(lines, "components:");
        var start = Array.FindIndex(lines, Math.Max(0, components), l => l == "  schemas:") + 1;
        if (components < 0 || start <= 0)
        {
            throw new ArgumentException("The spec has no 'components:' / '  schemas:' block.", nameof(yaml));
        }

        var end = start;
        while (end < lines.Length && (lines[end].Length == 0 || lines[end].StartsWith("   ", StringComparison.Ordinal) || lines[end].TrimStart().StartsWith("#", StringComparison.Ordinal)))
        {
            end++;
        }

        var block = lines.Skip(start).Take(end - start).ToList();
        var schemas = block.Count(l => SchemaKey.IsMatch(l));
        var blockLength = block.Sum(l => l.Length + 1);

        var result = new StringBuilder(minimumLength + blockLength);
        foreach (var line in lines.Take(end))
        {
            result.Append(line).Append('\n');
        }

        var copies = 1;
        while (result.Length < minimumLength)
        {
            copies++;
            var suffix = "_" + copies;
            foreach (var line in block)
            {
                var renamed = SchemaKey.Replace(line, m => "    " + m.Groups[1].Value + suffix + ":");
                renamed = Reference.Replace(renamed, m => m.Value + suffix);
                result.Append(renamed).Append('\n');
            }
        }

        foreach (var line in lines.Skip(end))
        {
            result.Append(line).Append('\n');
        }

        return (result.ToString(), copies, schemas);
    }
}
