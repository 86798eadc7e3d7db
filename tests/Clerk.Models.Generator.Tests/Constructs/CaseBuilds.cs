using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Clerk.Models.Generator.Tests.Infrastructure;
using Clerk.Models.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Clerk.Models.Generator.Tests.Constructs;

/// <summary>
/// Runs the generator once per case and loads the compiled output once, for all the checks of the
/// class. The load contexts are collectible and unloaded when the class is done.
/// </summary>
public sealed class CaseBuilds : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<CaseBuild>> _builds = new(StringComparer.Ordinal);

    public CaseBuild Get(string name) => _builds.GetOrAdd(name, n => new Lazy<CaseBuild>(() => new CaseBuild(ConstructCase.Load(n)))).Value;

    public void Dispose()
    {
        foreach (var build in _builds.Values.Where(b => b.IsValueCreated))
        {
            build.Value.Unload();
        }
    }
}

public sealed class CaseBuild
{
    private readonly Lazy<LoadedCase> _loaded;

    public CaseBuild(ConstructCase construct)
    {
        Case = construct;
        Run = construct.RuntimeFramework is { } framework
            ? GeneratorHarness.Run(construct.Specs, GeneratorHarness.ReferencesWithRuntime(framework))
            : GeneratorHarness.Run(construct.Specs.ToArray());
        _loaded = new Lazy<LoadedCase>(Load);
    }

    public ConstructCase Case { get; }

    public GeneratorRun Run { get; }

    /// <summary>The generated code, compiled and loaded; throws with the compiler errors when it does not compile.</summary>
    public LoadedCase Loaded => _loaded.Value;

    public void Unload()
    {
        if (_loaded.IsValueCreated)
        {
            _loaded.Value.Context.Unload();
        }
    }

    private LoadedCase Load()
    {
        // Warnings are checked on their own; here only errors stop the payloads from being read.
        var options = ((CSharpCompilationOptions)Run.Output.Options).WithGeneralDiagnosticOption(ReportDiagnostic.Default);
        var compilation = Run.Output.WithAssemblyName(Case.Namespace).WithOptions(options);
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).Select(d => d.ToString());
            throw new Xunit.Sdk.XunitException("The generated code does not compile: " + string.Join("\n", errors));
        }

        image.Position = 0;
        var context = new CaseLoadContext(Case.Name);
        return new LoadedCase(context, context.LoadFromStream(image), Case.Namespace);
    }

    /// <summary>Resolves the runtime to the copy this process already has, so that its types are shared.</summary>
    private sealed class CaseLoadContext : AssemblyLoadContext
    {
        private static readonly Assembly Runtime = typeof(RawJson).Assembly;

        public CaseLoadContext(string name)
            : base("construct " + name, isCollectible: true)
        {
        }

        protected override Assembly? Load(AssemblyName assemblyName)
            => assemblyName.Name == Runtime.GetName().Name ? Runtime : null;
    }
}

public sealed record LoadedCase(AssemblyLoadContext Context, Assembly Assembly, string Namespace)
{
    /// <summary>A generated type by its name relative to the namespace; nested types with dots (<c>Shape.Circle</c>).</summary>
    public Type? FindType(string relativeName)
        => Assembly.GetType(Namespace + "." + relativeName.Replace('.', '+'), throwOnError: false);

    /// <summary>The reverse of <see cref="FindType"/>, for messages and for comparing union cases.</summary>
    public string RelativeName(Type type)
        => type.FullName is { } full && full.StartsWith(Namespace + ".", StringComparison.Ordinal)
            ? full.Substring(Namespace.Length + 1).Replace('+', '.')
            : type.FullName ?? type.Name;
}
