using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Clerk.Models.Generator.Tests.Infrastructure;

namespace Clerk.Models.Generator.Tests.Examples;

/// <summary>An example listed in <c>contradicting-examples.md</c>: it must fail, and its failure must say <see cref="FailsWith"/>.</summary>
/// <param name="Section">The heading it is listed under: what is wrong with it.</param>
/// <param name="Line">Its line in the file, for messages.</param>
internal sealed record ListedExample(string Spec, string Pointer, string FailsWith, string Why, string Section, int Line);

/// <summary>
/// Reads the tables of <c>contradicting-examples.md</c>: every row of four cells (spec file name,
/// example pointer, text the failure contains, why) under a <c>##</c> heading. Cells may be in backticks.
/// </summary>
internal static class ListedExamples
{
    public const string FileName = "contradicting-examples.md";

    /// <summary>The heading of the examples that only lack required members, which must read with <c>RequiredMembers=lenient</c>.</summary>
    public const string LacksRequiredMembers = "The example lacks members its schema requires";

    public static readonly string FilePath = GeneratorHarness.RepoFile("tests", "Clerk.Models.Generator.Tests", "Examples", FileName);

    private static readonly Lazy<IReadOnlyList<ListedExample>> s_all = new(() => Parse(File.ReadAllLines(FilePath)));

    public static IReadOnlyList<ListedExample> All => s_all.Value;

    public static ListedExample? Find(string spec, string pointer) => All.SingleOrDefault(l => l.Spec == spec && l.Pointer == pointer);

    public static IReadOnlyList<ListedExample> Parse(IReadOnlyList<string> lines)
    {
        var listed = new List<ListedExample>();
        var section = string.Empty;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                section = line.Substring(3).Trim();
                continue;
            }

            if (!line.StartsWith('|'))
            {
                continue;
            }

            var cells = line.Trim('|').Split('|').Select(c => Unquote(c.Trim())).ToList();
            if (cells.Count != 4)
            {
                throw new FormatException($"{FilePath}({i + 1}): a row has {cells.Count} cells, not 4 (spec | example | fails with | why).");
            }

            if (cells[0] == "spec" || cells.All(c => c.Trim('-', ':').Length == 0))
            {
                continue;
            }

            listed.Add(new ListedExample(cells[0], cells[1], cells[2], cells[3], section, i + 1));
        }

        return listed;
    }

    private static string Unquote(string cell) => cell.Length >= 2 && cell[0] == '`' && cell[^1] == '`' ? cell[1..^1] : cell;
}
