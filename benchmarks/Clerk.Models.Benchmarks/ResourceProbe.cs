using System;
using System.Buffers;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Clerk.Models.Generator;
using Clerk.Models.Generator.Tests.Robustness.Infrastructure;
using Clerk.Models.Runtime;
using Clerk.Models.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Clerk.Models.Benchmarks;

/// <summary>
/// Time and memory at the sizes the robustness issue names, one measurement per process so that the
/// peak working set belongs to it: <c>-- resources spec</c> (Clerk's spec grown to 5 MB) and
/// <c>-- resources page</c> (10,000 users). A single run each; BenchmarkDotNet's statistics are for the
/// small cases.
/// </summary>
internal static class ResourceProbe
{
    public static int Run(string what)
    {
        var baseline = Snapshot();
        var stopwatch = Stopwatch.StartNew();
        var summary = what switch
        {
            "spec" => Spec(),
            "page" => Page(),
            _ => throw new ArgumentException("Expected 'spec' or 'page'.", nameof(what)),
        };
        stopwatch.Stop();
        var after = Snapshot();

        Console.WriteLine(summary);
        Console.WriteLine($"time {stopwatch.Elapsed.TotalSeconds:F2} s; allocated {(after.Allocated - baseline.Allocated) / 1048576.0:N0} MB; "
            + $"peak working set {after.Peak / 1048576.0:N0} MB (process before the run: {baseline.Peak / 1048576.0:N0} MB)");
        return 0;
    }

    private static string Spec()
    {
        var (text, copies, schemas) = SpecMultiplier.Multiply(Resources.Input("bapi-2025-03-12.yml"), 5 * 1024 * 1024);
        var path = "/consumer/specs/clerk-5mb.yaml";
        var compilation = CSharpCompilation.Create(
            "Consumer",
            Array.Empty<SyntaxTree>(),
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var driver = CSharpGeneratorDriver.Create(
            new[] { new ModelGenerator().AsSourceGenerator() },
            ImmutableArray.Create<AdditionalText>(new InMemorySpecText(path, text)),
            new CSharpParseOptions(LanguageVersion.Latest),
            GeneratorBenchmarks.ConsumerOptions(path, "Clerk.Large"));

        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();
        if (result.Exception is not null || result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException("The generator failed: " + (result.Exception?.Message ?? string.Join("; ", result.Diagnostics)));
        }

        return $"spec: {text.Length:N0} characters ({copies} copies of {schemas} schemas) -> {result.GeneratedSources.Length:N0} files, "
            + $"{result.GeneratedSources.Sum(s => s.SourceText.Length):N0} characters of C#";
    }

    private static string Page()
    {
        const int Count = 10_000;
        var user = JsonDocument.Parse(Resources.Payload("user-typical.json")).RootElement;
        var compact = JsonSerializer.Serialize(user);
        var id = user.GetProperty("id").GetString()!;
        var page = new StringBuilder(Count * (compact.Length + 8)).Append('[');
        for (var i = 0; i < Count; i++)
        {
            page.Append(i == 0 ? string.Empty : ",").Append(compact.Replace("\"" + id + "\"", "\"" + id + "_" + i + "\""));
        }

        var utf8 = Encoding.UTF8.GetBytes(page.Append(']').ToString());
        page.Clear();

        var info = (JsonTypeInfo<ValueList<Clerk.Models.User>>)ClerkUserJson.Default.Options.GetTypeInfo(typeof(ValueList<Clerk.Models.User>));
        var read = Stopwatch.StartNew();
        var users = JsonSerializer.Deserialize(utf8, info)!;
        read.Stop();

        var output = new ArrayBufferWriter<byte>(utf8.Length);
        var write = Stopwatch.StartNew();
        using (var writer = new Utf8JsonWriter(output))
        {
            JsonSerializer.Serialize(writer, users, info);
        }

        write.Stop();
        return $"page: {Count:N0} users, {utf8.Length / 1048576.0:N1} MB of JSON; read {read.Elapsed.TotalMilliseconds:N0} ms, "
            + $"write {write.Elapsed.TotalMilliseconds:N0} ms, {output.WrittenCount / 1048576.0:N1} MB written";
    }

    private static (long Allocated, long Peak) Snapshot()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return (GC.GetTotalAllocatedBytes(precise: true), process.PeakWorkingSet64);
    }
}
