using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace Clerk.Models.BuildCost;

/// <summary>
/// What the generator costs a consumer's incremental build, against no spec at all and against NSwag's
/// DTOs for the same spec. See README.md for what each variant holds and how to read the figures.
/// </summary>
public static class Program
{
    private const string NSwagPackage = "NSwag.ConsoleCore";
    private const string NSwagVersion = "14.8.0";

    private static readonly Variant[] s_variants = [Variant.None, Variant.Ours, Variant.NSwag, Variant.NSwagStj];

    private static readonly Regex s_warning = new(@"\bwarning [A-Z]+[0-9]+\b", RegexOptions.CultureInvariant);

    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

        var options = Options.Parse(args, out var error);
        if (options is null)
        {
            if (string.IsNullOrEmpty(error))
            {
                Console.WriteLine(Options.Usage);
                return 0;
            }

            Console.Error.WriteLine(error);
            Console.Error.WriteLine(Options.Usage);
            return 2;
        }

        using var cancellation = new CancellationTokenSource();
        // Ctrl+C stops the running dotnet command and still removes the temporary projects.
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        string? root = null;
        Dotnet? dotnet = null;
        var sdk = "unknown";
        try
        {
            var repoRoot = FindRepoRoot();
            var specs = options.Specs.Select((spec, index) => ResolveSpec(spec, index, repoRoot)).ToList();
            root = CreateTemporaryRoot(repoRoot);
            Consumer.WriteIsolation(root, repoRoot);

            dotnet = new Dotnet(options.CompilerServer, cancellation.Token);
            sdk = (await dotnet.RunAsync(root, ["--version"]).ConfigureAwait(false)).Output.LastOrDefault()?.Trim() ?? "unknown";

            Console.WriteLine($"Repository:        {repoRoot} ({await CommitAsync(repoRoot).ConfigureAwait(false)})");
            Console.WriteLine($"Consumer projects: {root}{(options.Keep ? " (kept: --keep)" : " (deleted at the end; --keep keeps them)")}");
            Console.WriteLine($".NET SDK:          {sdk}; {Environment.ProcessorCount} cores; load average {LoadAverage()}");
            Console.WriteLine($"Build servers:     {BuildServers(dotnet)}");
            Console.WriteLine($"Specs:             {string.Join(", ", specs.Select(spec => spec.Describe()))}; {options.Runs} timed run(s) per variant");

            Console.WriteLine();
            Console.WriteLine($"Installing {NSwagPackage} {NSwagVersion} as a local tool...");
            await dotnet.RunAsync(root, ["new", "tool-manifest"]).ConfigureAwait(false);
            await dotnet.RunAsync(root, ["tool", "install", NSwagPackage, "--version", NSwagVersion]).ConfigureAwait(false);

            var results = new List<SpecResult>();
            foreach (var spec in specs)
            {
                var result = await MeasureAsync(dotnet, root, repoRoot, spec, options.Runs).ConfigureAwait(false);
                results.Add(result);
                Report.PrintSummary(result, options.Runs);
            }

            Console.WriteLine();
            Console.WriteLine($"Load average at the end: {LoadAverage()}");
            await ShutDownAsync(dotnet, root, sdk).ConfigureAwait(false);
            dotnet = null;
            if (!options.Keep)
            {
                DeleteQuietly(root);
                Console.WriteLine($"Deleted {root}");
                root = null;
            }
            else
            {
                Console.WriteLine($"Kept {root}");
            }

            Report.PrintMarkdown(results, options.Runs, sdk, options.CompilerServer);
            return 0;
        }
        catch (BuildCostException e)
        {
            Console.Error.WriteLine();
            Console.Error.WriteLine("error: " + e.Message);
            return 1;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Console.Error.WriteLine("Stopped.");
            return 130;
        }
        finally
        {
            if (dotnet is not null && root is not null)
            {
                await ShutDownAsync(dotnet, root, sdk).ConfigureAwait(false);
            }

            if (root is not null && !options.Keep)
            {
                DeleteQuietly(root);
            }
        }
    }

    private static string BuildServers(Dotnet dotnet)
    {
        var setting = dotnet.CompilerServer
            ? $"compiler server on (this run's own, pipe {dotnet.ServerPipe}, shut down at the end)"
            : "compiler server off (UseSharedCompilation=false)";
        // The command line wins over these, but whoever reads the figures should know they were set.
        var inherited = new[] { "UseSharedCompilation", "MSBUILDDISABLENODEREUSE", "DOTNET_CLI_USE_MSBUILD_SERVER" }
            .Where(name => Environment.GetEnvironmentVariable(name) is not null)
            .Select(name => $"{name}={Environment.GetEnvironmentVariable(name)}")
            .ToArray();
        var overridden = inherited.Length == 0 ? "" : $"; overrides {string.Join(", ", inherited)} from the environment";
        return $"{setting}; MSBuild node reuse off; the same for every variant{overridden}";
    }

    private static async Task ShutDownAsync(Dotnet dotnet, string root, string sdk)
    {
        if (await dotnet.ShutDownCompilerServerAsync(root, sdk).ConfigureAwait(false) is { } note)
        {
            Console.Error.WriteLine("note: " + note);
        }
    }

    private static async Task<SpecResult> MeasureAsync(Dotnet dotnet, string root, string repoRoot, Spec spec, int runs)
    {
        Console.WriteLine();
        Console.WriteLine($"== {spec.Describe()}: {spec.Path}");

        // A copy, so that the spec cannot change while it is measured; outside every project folder.
        var directory = Path.Combine(root, spec.Key);
        Directory.CreateDirectory(directory);
        var specCopy = Path.Combine(directory, Path.GetFileName(spec.Path));
        File.Copy(spec.Path, specCopy);

        var consumers = s_variants.Select(variant => Consumer.Write(variant, directory, repoRoot, specCopy)).ToArray();
        var nswag = consumers.Single(consumer => consumer.Variant == Variant.NSwag);
        await GenerateNSwagAsync(dotnet, root, specCopy, nswag).ConfigureAwait(false);
        var nswagStj = consumers.Single(consumer => consumer.Variant == Variant.NSwagStj);
        File.Copy(Path.Combine(nswag.Directory, Consumer.NSwagFileName), Path.Combine(nswagStj.Directory, Consumer.NSwagFileName));
        Console.WriteLine($"   {nswagStj.Name}: the same file and a JsonSerializerContext naming its {nswagStj.WriteNSwagContext()} classes");

        foreach (var consumer in consumers)
        {
            Console.WriteLine($"   {consumer.Name}: restore, first build, warm-up build");
            await dotnet.RestoreAsync(consumer.Directory).ConfigureAwait(false);

            // The first build also writes what the consumer's source generators produce, to be
            // counted; timed builds do not write it.
            var first = await dotnet.BuildAsync(consumer.Directory, $"{Consumer.GeneratedPathProperty}={consumer.GeneratedDirectory}").ConfigureAwait(false);
            var warnings = first.Output.Where(line => s_warning.IsMatch(line)).Distinct(StringComparer.Ordinal).ToArray();
            if (warnings.Length > 0)
            {
                Console.WriteLine($"   note: {consumer.Name} builds with {warnings.Length} warning(s), e.g. {warnings[0].Trim()}");
            }

            if (consumer.Variant == Variant.Ours && consumer.GeneratedFiles().Count == 0)
            {
                throw new BuildCostException($"The generator wrote no file for {spec.Path} (looked in {consumer.GeneratedDirectory}); is the spec one it reads?");
            }

            await TimedBuildAsync(dotnet, consumer).ConfigureAwait(false);
        }

        // The repository's projects are up to date by now; were they rebuilt while timing (a commit
        // changes their source revision), some runs would include that.
        var repoOutputs = RepoOutputs(repoRoot);
        var repoOutputTimes = repoOutputs.Select(File.GetLastWriteTimeUtc).ToArray();

        var seconds = consumers.ToDictionary(consumer => consumer.Variant, _ => new List<double>());
        for (var run = 1; run <= runs; run++)
        {
            foreach (var consumer in consumers)
            {
                seconds[consumer.Variant].Add(await TimedBuildAsync(dotnet, consumer).ConfigureAwait(false));
            }

            Console.WriteLine($"   run {run}/{runs}: {string.Join(", ", consumers.Select(consumer => $"{consumer.Name} {seconds[consumer.Variant][^1]:F2} s"))}");
        }

        var rebuilt = repoOutputs.Where((path, i) => File.GetLastWriteTimeUtc(path) != repoOutputTimes[i]).ToArray();
        if (rebuilt.Length > 0)
        {
            Console.WriteLine($"   note: rebuilt while timing, so some runs include that: {string.Join(", ", rebuilt)}");
        }

        var variants = consumers
            .Select(consumer =>
            {
                var files = consumer.GeneratedFiles();
                return new VariantResult(consumer.Variant, seconds[consumer.Variant], files.Count, files.Sum(CountLines));
            })
            .ToArray();
        return new SpecResult(spec, variants);
    }

    /// <summary>The compiler outputs of the repository projects every consumer builds through its reference.</summary>
    private static string[] RepoOutputs(string repoRoot)
    {
        var obj = new[]
        {
            Path.Combine(repoRoot, "runtime", "Clerk.Models.Runtime", "obj", "Release"),
            Path.Combine(repoRoot, "generator", "Clerk.Models.Generator", "obj", "Release"),
        };
        return obj
            .Where(Directory.Exists)
            .SelectMany(directory => Directory.EnumerateFiles(directory, "Clerk.Models.*.dll", SearchOption.AllDirectories))
            .Where(path => !path.Contains(Path.DirectorySeparatorChar + "ref" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !path.Contains(Path.DirectorySeparatorChar + "refint" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Edits the consumer's constant and builds it; the wall time of <c>dotnet build</c>.</summary>
    private static async Task<double> TimedBuildAsync(Dotnet dotnet, Consumer consumer)
    {
        consumer.Touch();
        var before = consumer.AssemblyWriteTime();
        var result = await dotnet.BuildAsync(consumer.Directory).ConfigureAwait(false);
        if (consumer.AssemblyWriteTime() <= before)
        {
            throw new BuildCostException($"{consumer.AssemblyPath} was not rewritten by the build after Stamp.cs changed: the compiler did not run, so the time would not be a compile.");
        }

        return result.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// NSwag's C# DTOs for the spec, with System.Text.Json and nullable annotations (the consumers
    /// enable nullable, and the generated records are annotated too), and without any client code.
    /// </summary>
    private static async Task GenerateNSwagAsync(Dotnet dotnet, string root, string specPath, Consumer consumer)
    {
        var output = Path.Combine(consumer.Directory, Consumer.NSwagFileName);
        Console.WriteLine($"   nswag: generating {Consumer.NSwagFileName} (not timed)");
        // The local tool is found from the working directory, the root with the tool manifest.
        var result = await dotnet.RunAsync(root,
        [
            "nswag", "openapi2csclient",
            "/Input:" + specPath,
            "/Output:" + output,
            "/Namespace:" + Consumer.ModelsNamespace,
            "/JsonLibrary:SystemTextJson",
            "/GenerateDtoTypes:true",
            "/GenerateClientClasses:false",
            "/GenerateClientInterfaces:false",
            "/GenerateExceptionClasses:false",
            "/GenerateResponseClasses:false",
            "/GenerateNullableReferenceTypes:true",
            "/GenerateOptionalPropertiesAsNullable:true",
            "/NewLineBehavior:LF",
        ]).ConfigureAwait(false);

        if (!File.Exists(output) || new FileInfo(output).Length == 0)
        {
            var tail = string.Join(Environment.NewLine, result.Output.TakeLast(40).Select(line => "  | " + line));
            throw new BuildCostException($"NSwag wrote no {output}. Its output:{Environment.NewLine}{tail}");
        }
    }

    private static Spec ResolveSpec(string spec, int index, string repoRoot)
    {
        var resolved = spec switch
        {
            "bundled" => new Spec("bundled", Path.Combine(repoRoot, "specs", "clerk-user.yaml"), "bundled `clerk-user.yaml`"),
            "full" => new Spec("full", Path.Combine(repoRoot, "benchmarks", "Clerk.Models.Benchmarks", "Inputs", "bapi-2025-03-12.yml"), "full `bapi-2025-03-12.yml`"),
            _ => new Spec($"spec{index + 1}", Path.GetFullPath(spec), $"`{Path.GetFileName(spec)}`"),
        };

        if (!File.Exists(resolved.Path))
        {
            throw new BuildCostException($"No spec at {resolved.Path} (from --spec {spec}).");
        }

        return resolved;
    }

    /// <summary>The repository this tool was built from: up from its own folder, else from the working directory, to Clerk.Models.sln.</summary>
    private static string FindRepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Clerk.Models.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new BuildCostException($"Found no Clerk.Models.sln above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}.");
    }

    /// <summary>A new folder under the system's temporary folder, which must not lie in the repository.</summary>
    private static string CreateTemporaryRoot(string repoRoot)
    {
        var root = Path.Combine(Path.GetTempPath(), "clerk-models-buildcost-" + Guid.NewGuid().ToString("N")[..8]);
        var repo = Path.TrimEndingDirectorySeparator(repoRoot) + Path.DirectorySeparatorChar;
        if (Path.GetFullPath(root).StartsWith(repo, StringComparison.Ordinal))
        {
            throw new BuildCostException($"The temporary folder {Path.GetTempPath()} is inside the repository, whose Directory.Build.props would reach the consumers; set TMPDIR elsewhere.");
        }

        Directory.CreateDirectory(root);
        return root;
    }

    private static async Task<string> CommitAsync(string repoRoot)
    {
        try
        {
            var commit = await Git(repoRoot, "rev-parse", "--short", "HEAD").ConfigureAwait(false);
            var status = await Git(repoRoot, "status", "--porcelain").ConfigureAwait(false);
            return string.IsNullOrWhiteSpace(status) ? $"commit {commit.Trim()}" : $"commit {commit.Trim()} with uncommitted changes";
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return "commit unknown";
        }

        static async Task<string> Git(string directory, params string[] arguments)
        {
            var startInfo = new System.Diagnostics.ProcessStartInfo("git")
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                startInfo.ArgumentList.Add(argument);
            }

            using var process = System.Diagnostics.Process.Start(startInfo) ?? throw new InvalidOperationException("git did not start.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().ConfigureAwait(false);
            await stderr.ConfigureAwait(false);
            return process.ExitCode == 0 ? await stdout.ConfigureAwait(false) : throw new InvalidOperationException("git failed.");
        }
    }

    private static string LoadAverage()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields.Length >= 3 ? string.Join(' ', fields.Take(3)) : "unknown";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    private static long CountLines(string path)
    {
        var bytes = File.ReadAllBytes(path);
        long lines = bytes.AsSpan().Count((byte)'\n');
        return bytes.Length > 0 && bytes[^1] != (byte)'\n' ? lines + 1 : lines;
    }

    private static void DeleteQuietly(string root)
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Could not delete {root}: {e.Message}");
        }
    }
}
