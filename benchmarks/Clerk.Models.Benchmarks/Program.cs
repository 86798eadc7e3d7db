using System;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace Clerk.Models.Benchmarks;

public static class Program
{
    /// <summary>
    /// <c>-- --filter '*'</c> runs every benchmark (BenchmarkDotNet's own options apply, e.g.
    /// <c>--job short</c>); <c>-- make-payloads</c> rewrites Payloads/ from tests/Payloads;
    /// <c>-- resources spec</c> and <c>-- resources page</c> measure the large cases once each.
    /// </summary>
    public static int Main(string[] args)
    {
        if (args is ["make-payloads"])
        {
            return PayloadMaker.Run();
        }

        if (args is ["resources", var what])
        {
            return ResourceProbe.Run(what);
        }

        var config = DefaultConfig.Instance
            // Noise on a busy machine only adds time, so beside the mean Min is the steadier figure.
            .AddColumn(StatisticColumn.Min, StatisticColumn.Median)
            // One table for all categories, each with its own baseline.
            .WithOptions(ConfigOptions.JoinSummary)
            // The benchmark build runs three source generators without the compiler server: on a
            // small machine it needs more than the default 2 minutes.
            .WithBuildTimeout(TimeSpan.FromMinutes(10));

        // BenchmarkDotNet's own default runs each benchmark until its statistics settle, up to 100
        // iterations: about half an hour for these 42 on two cores. A fixed 6 warmup and 20 measured
        // iterations takes about half that. A job given on the command line replaces it.
        if (!args.Any(arg => arg is "--job" or "-j" || arg.StartsWith("--job=", StringComparison.Ordinal)))
        {
            config = config.AddJob(Job.Default.WithWarmupCount(6).WithIterationCount(20).WithId("Fixed20"));
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return 0;
    }
}
