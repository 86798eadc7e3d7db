using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Clerk.Models.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit.Sdk;

namespace Clerk.Models.Generator.Tests.Robustness.Infrastructure;

/// <summary>How far a hostile run goes after generating: nothing, the compiler's diagnostics, or a full emit.</summary>
public enum CompileMode
{
    None,
    Diagnostics,
    Emit,
}

/// <summary>
/// Runs the generator (and the compiler) over hostile specs on a dedicated thread, so that a hang
/// fails the test after a bound instead of blocking CI. A stack overflow cannot be caught: such a
/// case has to be isolated with Skip.
/// </summary>
public static class Hostile
{
    /// <summary>Generous: the slowest hostile case takes a few seconds on a loaded 2-core machine.</summary>
    public static readonly TimeSpan DefaultBound = TimeSpan.FromSeconds(20);

    /// <summary>The diagnostics a generator that threw into the compiler leaves behind.</summary>
    private static readonly string[] CrashIds = { "CS8784", "CS8785" };

    public static HostileRun Run(SpecFile spec, CompileMode compile = CompileMode.Diagnostics, TimeSpan? bound = null)
        => Run(new[] { spec }, compile, bound);

    public static HostileRun Run(IReadOnlyList<SpecFile> specs, CompileMode compile = CompileMode.Diagnostics, TimeSpan? bound = null)
    {
        var limit = bound ?? DefaultBound;
        var task = Task.Factory.StartNew(
            () => Execute(specs, compile),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        bool finished;
        try
        {
            finished = task.Wait(limit);
        }
        catch (AggregateException ex)
        {
            throw new XunitException($"Running the generator over {Describe(specs)} threw out of the driver: {ex.InnerException}");
        }

        if (!finished)
        {
            throw new XunitException($"The generator did not finish {Describe(specs)} within {limit.TotalSeconds:0} s: it hangs or is far too slow.");
        }

        return task.Result;
    }

    /// <summary>The spec files under Robustness/Specs, read from the source tree.</summary>
    public static string SpecText(string name) => File.ReadAllText(SpecPath(name));

    public static string SpecPath(string name)
        => GeneratorHarness.RepoFile("tests", "Clerk.Models.Generator.Tests", "Robustness", "Specs", name);

    /// <summary>A spec file as the generator sees it, under a short virtual path.</summary>
    public static SpecFile Spec(string name, string? @namespace = "Hostile") => new("/specs/" + name, SpecText(name), @namespace);

    private static HostileRun Execute(IReadOnlyList<SpecFile> specs, CompileMode compile)
    {
        var stopwatch = Stopwatch.StartNew();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var run = GeneratorHarness.Run(specs, Array.Empty<string>());
        var generated = stopwatch.Elapsed;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        IReadOnlyList<Diagnostic> problems = Array.Empty<Diagnostic>();
        if (compile == CompileMode.Diagnostics)
        {
            problems = run.CompilationProblems;
        }
        else if (compile == CompileMode.Emit)
        {
            // Some limits (metadata name length) are only checked when the assembly is written.
            using var stream = new MemoryStream();
            var emitted = run.Output.Emit(stream);
            problems = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        }

        return new HostileRun(specs, run, problems, generated, stopwatch.Elapsed, allocated);
    }

    private static string Describe(IReadOnlyList<SpecFile> specs) => string.Join(", ", specs.Select(s => "'" + s.Path + "'"));

    internal static bool IsCrash(Diagnostic diagnostic) => CrashIds.Contains(diagnostic.Id);
}

/// <summary>One guarded run: what the generator reported and produced, and what the compiler said about it.</summary>
public sealed record HostileRun(
    IReadOnlyList<SpecFile> Specs,
    GeneratorRun Run,
    IReadOnlyList<Diagnostic> CompileProblems,
    TimeSpan GenerationTime,
    TimeSpan TotalTime,
    long AllocatedBytes)
{
    /// <summary>Every diagnostic the generator reported, crash reports included.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => Run.Result.Diagnostics.Concat(Run.GeneratorDiagnostics).Distinct().ToList();

    /// <summary>The generator's own diagnostics (the harness raises warnings to errors, so the descriptor's severity decides).</summary>
    public IReadOnlyList<Diagnostic> Reported => Diagnostics.Where(d => d.Id.StartsWith("CMG", StringComparison.Ordinal)).ToList();

    public IReadOnlyList<Diagnostic> ReportedErrors => Reported.Where(d => d.DefaultSeverity == DiagnosticSeverity.Error).ToList();

    public IReadOnlyList<Diagnostic> ReportedProblems => Reported.Where(d => d.DefaultSeverity >= DiagnosticSeverity.Warning).ToList();

    public IReadOnlyList<GeneratedSourceResult> Sources => Run.Sources;

    /// <summary>The files of generated models (records, enums, unions): each declares a nested JsonConverter; the spec-wide resolver does not.</summary>
    public IReadOnlyList<GeneratedSourceResult> ModelSources
        => Sources.Where(s => s.SourceText.ToString().Contains(" class JsonConverter ", StringComparison.Ordinal)).ToList();

    /// <summary>Why the generator counts as having thrown, or null: an exception in the driver, CS8784/CS8785, or CMG009.</summary>
    public string? CrashReason
    {
        get
        {
            if (Run.Result.Results.FirstOrDefault(r => r.Exception is not null) is { Exception: { } exception })
            {
                return "the driver caught " + exception.GetType().FullName + ": " + exception.Message;
            }

            if (Diagnostics.FirstOrDefault(Hostile.IsCrash) is { } crash)
            {
                return crash.ToString();
            }

            return Reported.FirstOrDefault(d => d.Id == "CMG009") is { } internalFailure ? internalFailure.ToString() : null;
        }
    }

    /// <summary>No exception escaped into the compiler, and the generator reports no internal failure.</summary>
    public HostileRun AssertDidNotThrow()
    {
        if (CrashReason is { } reason)
        {
            throw new XunitException("The generator threw: " + reason);
        }

        return this;
    }

    public HostileRun AssertWithin(TimeSpan bound)
    {
        if (TotalTime > bound)
        {
            throw new XunitException($"Took {TotalTime.TotalSeconds:0.0} s, more than {bound.TotalSeconds:0} s.");
        }

        return this;
    }

    /// <summary>The generated code compiles with no warnings or errors (with <see cref="CompileMode.Emit"/>, it also emits).</summary>
    public HostileRun AssertCompiles()
    {
        if (CompileProblems.Count > 0)
        {
            throw new XunitException(
                $"The generated code does not compile ({CompileProblems.Count} problems):\n"
                + string.Join("\n", CompileProblems.Take(8).Select(Shorten)));
        }

        return this;
    }

    public HostileRun AssertNoReportedProblems()
    {
        if (ReportedProblems.Count > 0)
        {
            throw new XunitException("Unexpected diagnostics:\n" + string.Join("\n", ReportedProblems.Take(8).Select(Shorten)));
        }

        return this;
    }

    /// <summary>Every diagnostic of the generator points into its spec file, at a position the file has.</summary>
    public HostileRun AssertLocated()
    {
        foreach (var diagnostic in Reported)
        {
            var span = diagnostic.Location.GetLineSpan();
            var spec = Specs.FirstOrDefault(s => s.Path == span.Path);
            if (spec is null)
            {
                throw new XunitException($"{Shorten(diagnostic)} is not located in a spec file (path '{span.Path}').");
            }

            var lines = spec.Text.Split('\n').Length;
            if (diagnostic.Location.SourceSpan.End > spec.Text.Length || span.StartLinePosition.Line >= lines || span.EndLinePosition < span.StartLinePosition)
            {
                throw new XunitException($"{Shorten(diagnostic)} points outside '{spec.Path}' ({spec.Text.Length} characters, {lines} lines).");
            }
        }

        return this;
    }

    /// <summary>Nothing reported and nothing generated: the file is not a spec.</summary>
    public HostileRun AssertIgnored()
    {
        if (Diagnostics.Count > 0 || Sources.Count > 0)
        {
            throw new XunitException(
                $"Expected the file to be ignored, but got {Sources.Count} sources and diagnostics:\n" + string.Join("\n", Diagnostics.Take(8).Select(Shorten)));
        }

        return this;
    }

    public static string Shorten(Diagnostic diagnostic)
    {
        var text = diagnostic.ToString();
        return text.Length > 600 ? text.Substring(0, 600) + "…" : text;
    }
}
