using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Clerk.Models.BuildCost;

/// <summary>A command that failed: its message carries the command line and the tail of its output.</summary>
internal sealed class BuildCostException(string message) : Exception(message);

/// <summary>What a finished command printed (stdout and stderr interleaved) and how long it ran.</summary>
internal sealed record CommandResult(IReadOnlyList<string> Output, TimeSpan Elapsed);

/// <summary>
/// Runs <c>dotnet</c> commands with one environment and one build-server setting for all of them.
/// Restores and builds name that setting on their command line, so that variables of the calling
/// environment (UseSharedCompilation, MSBUILDDISABLENODEREUSE) cannot make it differ.
/// </summary>
internal sealed class Dotnet(bool compilerServer, CancellationToken cancellation)
{
    private const int TailLines = 40;

    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(30);

    // Set by MSBuild for the processes it starts; inherited, they would point the builds below at
    // whichever SDK started this tool instead of the one resolved for the temporary folder.
    private static readonly string[] s_inheritedMsBuildVariables = ["MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH"];

    /// <summary>
    /// The pipe of this run's own compiler server: builds elsewhere on the machine neither share it nor
    /// warm it, and it can be shut down at the end without touching any other server.
    /// </summary>
    private readonly string _serverPipe = "clerk-models-buildcost-" + Guid.NewGuid().ToString("N")[..12];

    public bool CompilerServer => compilerServer;

    public string ServerPipe => _serverPipe;

    /// <summary>
    /// <c>dotnet build -c Release --no-restore</c> in <paramref name="projectDirectory"/>, quiet, with
    /// <paramref name="properties"/> as <c>-p:</c> arguments.
    /// </summary>
    public Task<CommandResult> BuildAsync(string projectDirectory, params string[] properties)
    {
        List<string> arguments = ["build", "-c", "Release", "--no-restore", "-nologo", "-tl:off", "-v:q", .. BuildServerArguments()];
        arguments.AddRange(properties.Select(property => "-p:" + property));
        return RunAsync(projectDirectory, arguments, cancellation);
    }

    public Task<CommandResult> RestoreAsync(string projectDirectory)
        => RunAsync(projectDirectory, ["restore", "-nologo", "-tl:off", .. BuildServerArguments()], cancellation);

    /// <summary>Any other dotnet command (tool install, NSwag, --version).</summary>
    public Task<CommandResult> RunAsync(string workingDirectory, IReadOnlyList<string> arguments)
        => RunAsync(workingDirectory, arguments, cancellation);

    /// <summary>
    /// Stops this run's compiler server, if it started one, through the server's own shutdown
    /// request on its pipe. Runs after a Ctrl+C too. Returns a note when it could not.
    /// </summary>
    public async Task<string?> ShutDownCompilerServerAsync(string workingDirectory, string sdkVersion)
    {
        if (!compilerServer)
        {
            return null;
        }

        try
        {
            var sdks = await RunAsync(workingDirectory, ["--list-sdks"], CancellationToken.None).ConfigureAwait(false);
            var prefix = sdkVersion + " [";
            var line = sdks.Output.FirstOrDefault(candidate => candidate.StartsWith(prefix, StringComparison.Ordinal) && candidate.EndsWith(']'));
            if (line is null)
            {
                return $"SDK {sdkVersion} is not in 'dotnet --list-sdks'; the compiler server on pipe {_serverPipe} stops by itself once idle.";
            }

            var server = Path.Combine(line[prefix.Length..^1], sdkVersion, "Roslyn", "bincore", "VBCSCompiler.dll");
            await RunAsync(workingDirectory, [server, "-shutdown", "-pipename:" + _serverPipe], CancellationToken.None).ConfigureAwait(false);
            return null;
        }
        catch (BuildCostException e)
        {
            return $"Could not shut the compiler server on pipe {_serverPipe} down (it stops by itself once idle): {e.Message}";
        }
    }

    /// <summary>
    /// MSBuild node reuse is off either way, so that no MSBuild node outlives the run; the compiler
    /// server is this run's own or none.
    /// </summary>
    private List<string> BuildServerArguments()
        => compilerServer
            ? ["-nodeReuse:false", "-p:UseSharedCompilation=true", "-p:SharedCompilationId=" + _serverPipe]
            : ["-nodeReuse:false", "-p:UseSharedCompilation=false"];

    private static async Task<CommandResult> RunAsync(string workingDirectory, IReadOnlyList<string> arguments, CancellationToken token)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // English output, so that warnings are recognised in it.
        startInfo.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        foreach (var name in s_inheritedMsBuildVariables)
        {
            startInfo.Environment.Remove(name);
        }

        var commandLine = "dotnet " + string.Join(' ', startInfo.ArgumentList.Select(Quote));
        var output = new List<string>();
        var stdoutClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderrClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var exited = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);

        using var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Collect(e.Data, stdoutClosed);
        process.ErrorDataReceived += (_, e) => Collect(e.Data, stderrClosed);

        var stopwatch = new Stopwatch();
        // The time is taken when the process exits, not when its output closes: a build server it
        // started could hold the pipes open after the build itself is done.
        process.Exited += (_, _) => exited.TrySetResult(stopwatch.Elapsed);

        try
        {
            stopwatch.Start();
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new BuildCostException($"Could not start '{commandLine}': {e.Message}. Is the .NET SDK on PATH?");
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
        timeout.CancelAfter(s_timeout);
        TimeSpan elapsed;
        try
        {
            elapsed = await exited.Task.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (token.IsCancellationRequested)
            {
                throw;
            }

            throw Failure($"'{commandLine}' did not finish within {s_timeout.TotalMinutes:F0} minutes and was stopped.");
        }

        // The output is complete once both pipes close; a process left holding them does not hold the run up.
        await Task.WhenAny(Task.WhenAll(stdoutClosed.Task, stderrClosed.Task), Task.Delay(TimeSpan.FromSeconds(10), token)).ConfigureAwait(false);
        token.ThrowIfCancellationRequested();

        if (process.ExitCode != 0)
        {
            throw Failure($"'{commandLine}' (in {workingDirectory}) exited with code {process.ExitCode}.");
        }

        lock (output)
        {
            return new CommandResult(output.ToArray(), elapsed);
        }

        void Collect(string? line, TaskCompletionSource closed)
        {
            if (line is null)
            {
                closed.TrySetResult();
                return;
            }

            lock (output)
            {
                output.Add(line);
            }
        }

        BuildCostException Failure(string message)
        {
            string[] tail;
            lock (output)
            {
                tail = output.Skip(Math.Max(0, output.Count - TailLines)).ToArray();
            }

            var shown = tail.Length == 0 ? "(it printed nothing)" : string.Join(Environment.NewLine, tail.Select(line => "  | " + line));
            return new BuildCostException($"{message}{Environment.NewLine}Last {tail.Length} lines of its output:{Environment.NewLine}{shown}");
        }
    }

    private static string Quote(string argument)
        => argument.Length > 0 && argument.All(c => !char.IsWhiteSpace(c) && c is not '"' and not '\'') ? argument : $"'{argument}'";
}
