// Checks that an analyzer folder is self-contained: every assembly its DLLs reference is shipped
// beside them, at the same or a higher version, or is one that every compiler host loads itself.
// A gap would only show when some host (such as Visual Studio's .NET Framework compiler) loads the generator.
// Usage: dotnet run CheckAnalyzerClosure.cs -- <folder> [--known-gap "<File.dll> -> <Assembly>"]...
// A known gap is reported but does not fail the check; a known gap that has gone away is reported too.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

const string Usage = "usage: dotnet run CheckAnalyzerClosure.cs -- <analyzers/dotnet/cs folder> [--known-gap \"<File.dll> -> <Assembly>\"]...";

if (args.Length == 0 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine(Usage);
    return 1;
}

var knownGaps = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
for (var i = 1; i < args.Length; i += 2)
{
    if (args[i] != "--known-gap" || i + 1 >= args.Length)
    {
        Console.Error.WriteLine(Usage);
        return 1;
    }

    knownGaps.Add(args[i + 1]);
}

// The compiler's own assemblies and the standard facades: never shipped with an analyzer.
string[] hostProvided =
[
    "netstandard", "mscorlib", "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp",
    "System.Collections.Immutable", "System.Reflection.Metadata", "System.Text.Encoding.CodePages",
];

var shipped = new Dictionary<string, Version>(StringComparer.OrdinalIgnoreCase);
var references = new List<(string From, string Name, Version Version)>();
foreach (var path in Directory.GetFiles(args[0], "*.dll").Order(StringComparer.Ordinal))
{
    using var pe = new PEReader(File.OpenRead(path));
    var metadata = pe.GetMetadataReader();
    var definition = metadata.GetAssemblyDefinition();
    shipped[metadata.GetString(definition.Name)] = definition.Version;
    foreach (var handle in metadata.AssemblyReferences)
    {
        var reference = metadata.GetAssemblyReference(handle);
        references.Add((Path.GetFileName(path), metadata.GetString(reference.Name), reference.Version));
    }
}

var failures = 0;
var gapsSeen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
foreach (var (from, name, version) in references)
{
    if (hostProvided.Contains(name, StringComparer.OrdinalIgnoreCase))
    {
        continue;
    }

    string problem;
    if (!shipped.TryGetValue(name, out var have))
    {
        problem = $"{from} references {name} {version}, which is not shipped";
    }
    else if (have < version)
    {
        problem = $"{from} references {name} {version}, but {have} is shipped";
    }
    else
    {
        continue;
    }

    var gap = $"{from} -> {name}";
    if (knownGaps.Contains(gap))
    {
        gapsSeen.Add(gap);
        Console.WriteLine("known gap: " + problem);
    }
    else
    {
        Console.Error.WriteLine("error: " + problem);
        failures++;
    }
}

foreach (var gap in knownGaps.Where(gap => !gapsSeen.Contains(gap)))
{
    Console.WriteLine($"known gap '{gap}' is gone: remove it from the caller");
}

Console.WriteLine($"analyzer closure: {shipped.Count} assemblies, {references.Count} references, "
    + (failures == 0 ? "each one shipped, host-provided or a known gap" : $"{failures} unresolved"));
return failures == 0 ? 0 : 1;
