using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Clerk.Models.BuildCost;

/// <summary>The spec a set of consumers is built for: its short name, the file, what to call it in tables.</summary>
internal sealed record Spec(string Key, string Path, string Label)
{
    public long Bytes => new FileInfo(Path).Length;

    public string Describe() => $"{Label} ({Report.Kilobytes(Bytes)})";
}

/// <summary>One variant's timed builds and what it generated.</summary>
internal sealed record VariantResult(Variant Variant, IReadOnlyList<double> Seconds, int GeneratedFiles, long GeneratedLines)
{
    public string Name => Consumer.NameOf(Variant);

    public double Median
    {
        get
        {
            var sorted = Seconds.Order().ToArray();
            var middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    public double Min => Seconds.Min();

    public double Max => Seconds.Max();
}

internal sealed record SpecResult(Spec Spec, IReadOnlyList<VariantResult> Variants)
{
    public VariantResult this[Variant variant] => Variants.Single(result => result.Variant == variant);

    /// <summary>What the variant adds to the baseline, on medians.</summary>
    public double Added(Variant variant) => this[variant].Median - this[Variant.None].Median;

    /// <summary>The same on the fastest runs: noise only adds time, so on a busy machine this is the steadier figure.</summary>
    public double AddedOnMin(Variant variant) => this[variant].Min - this[Variant.None].Min;

    /// <summary>
    /// Ours-added over a peer's added cost; null when either added nothing measurable (under 5 ms, or
    /// less than nothing), since a ratio of noise says nothing.
    /// </summary>
    public double? Ratio(Variant peer = Variant.NSwag)
    {
        var ours = Added(Variant.Ours);
        var added = Added(peer);
        return ours < 0.005 || added < 0.005 ? null : ours / added;
    }
}

/// <summary>Prints the results: a plain summary per spec, then the Markdown table (last, for pasting).</summary>
internal static class Report
{
    public static string Kilobytes(long bytes) => bytes switch
    {
        < 1000 => $"{bytes} B",
        < 100_000 => $"{bytes / 1000.0:N1} KB",
        _ => $"{bytes / 1000.0:N0} KB",
    };

    public static void PrintSummary(SpecResult result, int runs)
    {
        Console.WriteLine();
        Console.WriteLine($"== {result.Spec.Describe()}: {runs} timed build(s) per variant");
        Console.WriteLine($"   {"variant",-10}{"median",9}{"min",9}{"max",9}{"added",9}{"on min",9}   {"generated",-24}  all runs (s)");
        foreach (var variant in result.Variants)
        {
            var added = variant.Variant == Variant.None ? "" : Signed(result.Added(variant.Variant));
            var addedOnMin = variant.Variant == Variant.None ? "" : Signed(result.AddedOnMin(variant.Variant));
            var runsText = string.Join(' ', variant.Seconds.Select(seconds => $"{seconds:F2}"));
            Console.WriteLine($"   {variant.Name,-10}{variant.Median,9:F2}{variant.Min,9:F2}{variant.Max,9:F2}{added,9}{addedOnMin,9}   {Generated(variant),-24}  {runsText}");
        }

        Console.WriteLine($"   ours-added / nswag-added: {RatioText(result.Ratio(Variant.NSwag))}");
        Console.WriteLine($"   ours-added / nswag+stj-added: {RatioText(result.Ratio(Variant.NSwagStj))}");
    }

    public static void PrintMarkdown(IReadOnlyList<SpecResult> results, int runs, string sdk, bool compilerServer)
    {
        var servers = compilerServer
            ? "compiler server on and warm, MSBuild node reuse off"
            : "no compiler server (`UseSharedCompilation=false`), MSBuild node reuse off";
        Console.WriteLine();
        Console.WriteLine($"Incremental `dotnet build -c Release --no-restore` after a one-constant edit to an ordinary C# file; "
            + $"median of {runs} alternating run(s) per variant, in seconds; .NET SDK {sdk}, {Environment.ProcessorCount} cores, {servers}. "
            + "Added: median minus the median of `none`.");
        Console.WriteLine();
        Console.WriteLine("| Spec | Variant | Median | Min–max | Added | Ours ÷ this added | Generated |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var result in results)
        {
            var first = true;
            foreach (var variant in result.Variants)
            {
                var spec = first ? result.Spec.Describe() : "";
                first = false;
                var added = variant.Variant == Variant.None ? "" : Signed(result.Added(variant.Variant)) + " s";
                var ratio = variant.Variant is Variant.NSwag or Variant.NSwagStj
                    ? (result.Ratio(variant.Variant) is { } value ? $"{value:F2}×" : "n/a")
                    : "";
                Console.WriteLine($"| {spec} | {variant.Name} | {variant.Median:F2} s | {variant.Min:F2}–{variant.Max:F2} s | {added} | {ratio} | {Generated(variant)} |");
            }
        }
    }

    private static string Generated(VariantResult variant)
        => variant.GeneratedFiles == 0
            ? "none"
            : $"{variant.GeneratedFiles:N0} {(variant.GeneratedFiles == 1 ? "file" : "files")}, {variant.GeneratedLines:N0} lines";

    private static string RatioText(double? ratio) => ratio is { } value ? $"{value:F2}" : "n/a (one of the two added nothing measurable)";

    private static string Signed(double seconds) => seconds >= 0 ? $"+{seconds:F2}" : $"-{-seconds:F2}";
}
