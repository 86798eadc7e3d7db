using System;
using System.IO;
using System.Linq;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Clerk.Models.Generator.Tests.Infrastructure;

/// <summary>
/// Checked-in baselines of generated code. A difference fails with a unified diff and leaves a
/// <c>.received.cs</c> file beside the baseline; set <c>CLERK_MODELS_ACCEPT_SNAPSHOTS=1</c> to accept.
/// </summary>
public static class Snapshots
{
    public const string AcceptVariable = "CLERK_MODELS_ACCEPT_SNAPSHOTS";

    /// <summary>
    /// The folder holding the approved files. Found from the repository root, not from the caller's source path:
    /// a CI build (<c>ContinuousIntegrationBuild</c>) maps source paths to <c>/_/</c>.
    /// </summary>
    public static string Directory(string folder)
        => GeneratorHarness.RepoFile("tests", "Clerk.Models.Generator.Tests", "Snapshots", folder);

    public static void Verify(string folder, string fileName, string actual)
    {
        var directory = Directory(folder);
        var expectedPath = Path.Combine(directory, fileName);
        var receivedPath = Path.Combine(directory, Path.GetFileNameWithoutExtension(fileName) + ".received" + Path.GetExtension(fileName));
        actual = actual.Replace("\r\n", "\n");

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            System.IO.Directory.CreateDirectory(directory);
            File.WriteAllText(expectedPath, actual, new UTF8Encoding(false));
            File.Delete(receivedPath);
            return;
        }

        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        System.IO.Directory.CreateDirectory(directory);
        File.WriteAllText(receivedPath, actual, new UTF8Encoding(false));
        var message = expected is null
            ? $"No approved snapshot {Relative(expectedPath)} yet; the output is in {Relative(receivedPath)}."
            : $"Generated output differs from {Relative(expectedPath)}:\n{UnifiedDiff(expected, actual, Relative(expectedPath))}";
        throw new Xunit.Sdk.XunitException(message + $"\nIf the change is intended, run the tests with {AcceptVariable}=1 and commit the snapshots.");
    }

    /// <summary>A unified diff with three lines of context around each change.</summary>
    public static string UnifiedDiff(string expected, string actual, string name)
    {
        var diff = InlineDiffBuilder.Diff(expected, actual, ignoreWhiteSpace: false);
        var lines = diff.Lines;
        var builder = new StringBuilder();
        builder.Append("--- ").Append(name).Append(" (approved)\n+++ ").Append(name).Append(" (received)\n");
        var changed = lines.Select((l, i) => (l, i)).Where(x => x.l.Type != ChangeType.Unchanged).Select(x => x.i).ToList();
        var shown = -1;
        foreach (var index in changed)
        {
            var from = Math.Max(Math.Max(0, index - 3), shown + 1);
            var to = Math.Min(lines.Count - 1, index + 3);
            if (from > shown + 1)
            {
                builder.Append("@@ line ").Append(from + 1).Append(" @@\n");
            }

            for (var i = from; i <= to; i++)
            {
                var prefix = lines[i].Type switch { ChangeType.Inserted => '+', ChangeType.Deleted => '-', _ => ' ' };
                builder.Append(prefix).Append(lines[i].Text).Append('\n');
            }

            shown = to;
        }

        return builder.ToString();
    }

    private static string Relative(string path)
    {
        var root = GeneratorHarness.RepoFile();
        return path.StartsWith(root, StringComparison.Ordinal) ? path.Substring(root.Length).TrimStart(Path.DirectorySeparatorChar) : path;
    }
}
