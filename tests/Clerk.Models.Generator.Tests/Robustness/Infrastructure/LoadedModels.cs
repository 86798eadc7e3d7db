using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using Clerk.Models.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit.Sdk;

namespace Clerk.Models.Generator.Tests.Robustness.Infrastructure;

/// <summary>
/// The generated models compiled to an assembly and loaded into a collectible context, so that a
/// test can read and write JSON with them: proof that hostile names map to the right JSON members.
/// </summary>
public sealed class LoadedModels : IDisposable
{
    private readonly AssemblyLoadContext _context;
    private readonly Assembly _assembly;

    public LoadedModels(GeneratorRun run)
    {
        using var stream = new MemoryStream();
        var emitted = run.Output.Emit(stream);
        if (!emitted.Success)
        {
            throw new XunitException("The generated code does not emit:\n" + string.Join("\n", emitted.Diagnostics.Take(8).Select(HostileRun.Shorten)));
        }

        EmitWarnings = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).ToList();
        stream.Position = 0;

        // The runtime library and System.Text.Json come from the test's own context.
        _context = new AssemblyLoadContext("hostile-models", isCollectible: true);
        _assembly = _context.LoadFromStream(stream);
    }

    public Assembly Assembly => _assembly;

    /// <summary>The compiler's warnings on the generated code, which emitting reports as well as its errors.</summary>
    public IReadOnlyList<Diagnostic> EmitWarnings { get; }

    public Type Type(string fullName)
        => _assembly.GetType(fullName) ?? throw new XunitException($"No type '{fullName}' in the generated assembly: {string.Join(", ", _assembly.GetTypes().Select(t => t.FullName))}");

    public object Read(string fullName, string json) => JsonSerializer.Deserialize(json, Type(fullName))!;

    public string Write(string fullName, object value) => JsonSerializer.Serialize(value, Type(fullName));

    /// <summary>Reads <paramref name="json"/> and writes it back; the text must come back byte for byte (it is compact and in spec order).</summary>
    public void AssertRoundTrip(string fullName, string json)
    {
        var value = Read(fullName, json);
        var written = Write(fullName, value);
        if (written != json)
        {
            throw new XunitException($"{fullName} did not round-trip.\nIn:  {json}\nOut: {written}");
        }

        var again = Read(fullName, written);
        if (!value.Equals(again) || value.GetHashCode() != again.GetHashCode())
        {
            throw new XunitException($"{fullName} read twice from the same JSON is not equal with equal hash codes.");
        }
    }

    public void Dispose() => _context.Unload();
}
