using System.Collections.Generic;
using System.Globalization;

namespace Clerk.Models.BuildCost;

/// <summary>The command line: which specs, how many timed runs, what to keep.</summary>
internal sealed class Options
{
    public const string Usage = """
        Usage: dotnet run -c Release --project benchmarks/Clerk.Models.BuildCost -- [options]

          --spec bundled|full|all|PATH  the spec to measure (repeatable; default: bundled)
                                          bundled  specs/clerk-user.yaml
                                          full     benchmarks/Clerk.Models.Benchmarks/Inputs/bapi-2025-03-12.yml
                                          all      bundled, then full
                                          PATH     any other OpenAPI file (YAML or JSON)
          --runs N                      timed builds per variant and spec (default: 5)
          --keep                        keep the temporary projects and print where they are
          --compiler-server on|off      on (default): every build uses one compiler server of
                                        this run's own, warm after the warm-up builds; off: each
                                        build starts the compiler afresh (UseSharedCompilation=false)
          --help                        this text
        """;

    private Options(IReadOnlyList<string> specs, int runs, bool keep, bool compilerServer)
    {
        Specs = specs;
        Runs = runs;
        Keep = keep;
        CompilerServer = compilerServer;
    }

    /// <summary>As given: <c>bundled</c>, <c>full</c> or a path; <c>all</c> is already expanded.</summary>
    public IReadOnlyList<string> Specs { get; }

    public int Runs { get; }

    public bool Keep { get; }

    public bool CompilerServer { get; }

    /// <summary>The options, or null with <paramref name="error"/> set (empty for <c>--help</c>).</summary>
    public static Options? Parse(string[] args, out string? error)
    {
        var specs = new List<string>();
        var runs = 5;
        var keep = false;
        var compilerServer = true;

        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--help" or "-h" or "-?":
                    error = "";
                    return null;
                case "--keep":
                    keep = true;
                    break;
                case "--compiler-server":
                    if (i + 1 >= args.Length || args[i + 1] is not ("on" or "off"))
                    {
                        error = "--compiler-server needs on or off.";
                        return null;
                    }

                    compilerServer = args[++i] == "on";
                    break;
                case "--spec":
                    if (i + 1 >= args.Length)
                    {
                        error = "--spec needs a value: bundled, full, all or a path.";
                        return null;
                    }

                    var spec = args[++i];
                    if (spec == "all")
                    {
                        AddOnce(specs, "bundled");
                        AddOnce(specs, "full");
                    }
                    else
                    {
                        AddOnce(specs, spec);
                    }

                    break;
                case "--runs":
                    if (i + 1 >= args.Length
                        || !int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out runs)
                        || runs < 1)
                    {
                        error = "--runs needs a whole number of at least 1.";
                        return null;
                    }

                    break;
                default:
                    error = $"Unknown argument '{arg}'.";
                    return null;
            }
        }

        if (specs.Count == 0)
        {
            specs.Add("bundled");
        }

        error = null;
        return new Options(specs, runs, keep, compilerServer);
    }

    private static void AddOnce(List<string> specs, string spec)
    {
        if (!specs.Contains(spec))
        {
            specs.Add(spec);
        }
    }
}
