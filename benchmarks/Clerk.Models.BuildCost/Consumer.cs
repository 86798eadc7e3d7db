using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security;
using System.Text.RegularExpressions;

namespace Clerk.Models.BuildCost;

internal enum Variant
{
    /// <summary>The ordinary files and the references every variant has: the baseline.</summary>
    None,

    /// <summary>Plus this repository's generator as an analyzer and the spec as an additional file.</summary>
    Ours,

    /// <summary>Plus NSwag's DTOs for the spec, generated beforehand, as one more C# file.</summary>
    NSwag,

    /// <summary>
    /// NSwag's DTOs plus a System.Text.Json <c>JsonSerializerContext</c> naming each of them: what a
    /// project compiles to read them trimmed or with Native AOT, as the generator's records are read.
    /// </summary>
    NSwagStj,
}

/// <summary>One throwaway consumer project: writes it, edits its constant, knows where its output is.</summary>
internal sealed class Consumer
{
    public const string ModelsNamespace = "BuildCost.Models";

    /// <summary>The file NSwag writes into the project; the default Compile glob picks it up.</summary>
    public const string NSwagFileName = "NSwagDtos.cs";

    /// <summary>The context of <see cref="Variant.NSwagStj"/>, beside NSwag's file.</summary>
    public const string NSwagContextFileName = "NSwagJsonContext.cs";

    /// <summary>Set on the first build's command line to where the generators' output should go.</summary>
    public const string GeneratedPathProperty = "BuildCostGeneratedFilesPath";

    private const string ProjectName = "Consumer";

    private int _revision;

    private Consumer(Variant variant, string directory, string generatedDirectory)
    {
        Variant = variant;
        Directory = directory;
        GeneratedDirectory = generatedDirectory;
    }

    public Variant Variant { get; }

    public string Name => NameOf(Variant);

    public string Directory { get; }

    /// <summary>Where the first build writes the source generators' output (not the NSwag file).</summary>
    public string GeneratedDirectory { get; }

    /// <summary>The compiler's output; its time stamp tells that the compiler ran.</summary>
    public string AssemblyPath => Path.Combine(Directory, "obj", "Release", "net10.0", ProjectName + ".dll");

    /// <summary>
    /// Empty Directory.Build.* and Directory.Packages.props in the temporary root, so that nothing above
    /// it (nor this repository's settings) reaches the consumers, and the repository's global.json, so
    /// that the consumers build with the SDK the repository builds with.
    /// </summary>
    public static void WriteIsolation(string root, string repoRoot)
    {
        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(root, name), "<Project />\n");
        }

        var globalJson = Path.Combine(repoRoot, "global.json");
        if (File.Exists(globalJson))
        {
            File.Copy(globalJson, Path.Combine(root, "global.json"), overwrite: true);
        }
    }

    /// <summary>
    /// Writes the project under <paramref name="parent"/>/<c>name</c>. Every variant references the
    /// runtime project (which itself builds the generator, without referencing it), has no package
    /// reference and the same two ordinary files; <see cref="Variant.Ours"/> adds the props import,
    /// the analyzer reference and the spec, <see cref="Variant.NSwag"/> gets its file separately.
    /// </summary>
    public static Consumer Write(Variant variant, string parent, string repoRoot, string specPath)
    {
        var name = variant.ToString().ToLowerInvariant();
        var consumer = new Consumer(variant, Path.Combine(parent, name), Path.Combine(parent, "generated", name));
        System.IO.Directory.CreateDirectory(consumer.Directory);

        var generator = Path.Combine(repoRoot, "generator", "Clerk.Models.Generator", "Clerk.Models.Generator.csproj");
        var props = Path.Combine(repoRoot, "generator", "Clerk.Models.Generator", "build", "Clerk.Models.props");
        var targets = Path.ChangeExtension(props, ".targets");
        var runtime = Path.Combine(repoRoot, "runtime", "Clerk.Models.Runtime", "Clerk.Models.Runtime.csproj");

        var ours = variant == Variant.Ours;
        var lines = new List<string>
        {
            "<Project Sdk=\"Microsoft.NET.Sdk\">",
            "",
            "  <PropertyGroup>",
            "    <TargetFramework>net10.0</TargetFramework>",
            "    <Nullable>enable</Nullable>",
            "    <ImplicitUsings>enable</ImplicitUsings>",
            "    <RootNamespace>BuildCost</RootNamespace>",
            "    <IsPackable>false</IsPackable>",
            "  </PropertyGroup>",
            "",
            "  <!-- Given for the first, untimed build only: what the generators write, to be counted. A property",
            "       of this project, not -p:EmitCompilerGeneratedFiles, which would reach the referenced projects. -->",
            $"  <PropertyGroup Condition=\"'$({GeneratedPathProperty})' != ''\">",
            "    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>",
            $"    <CompilerGeneratedFilesOutputPath>$({GeneratedPathProperty})</CompilerGeneratedFilesOutputPath>",
            "  </PropertyGroup>",
            "",
        };
        if (ours)
        {
            lines.Add($"  <Import Project=\"{Xml(props)}\" />");
            lines.Add("");
        }

        lines.Add("  <ItemGroup>");
        if (ours)
        {
            lines.Add($"    <ProjectReference Include=\"{Xml(generator)}\" OutputItemType=\"Analyzer\" ReferenceOutputAssembly=\"false\" />");
        }

        lines.Add($"    <ProjectReference Include=\"{Xml(runtime)}\" />");
        if (ours)
        {
            lines.Add($"    <AdditionalFiles Include=\"{Xml(specPath)}\" Namespace=\"{ModelsNamespace}\" />");
        }

        lines.Add("  </ItemGroup>");
        lines.Add("");
        if (ours)
        {
            // Last, as NuGet imports a package's build/*.targets after the project body.
            lines.Add($"  <Import Project=\"{Xml(targets)}\" />");
            lines.Add("");
        }

        lines.Add("</Project>");
        File.WriteAllText(Path.Combine(consumer.Directory, ProjectName + ".csproj"), string.Join('\n', lines) + "\n");

        File.WriteAllText(Path.Combine(consumer.Directory, "Orders.cs"), OrdersSource);
        consumer.WriteStamp();
        return consumer;
    }

    /// <summary>
    /// Rewrites Stamp.cs with the next revision. A changed constant changes the assembly, so the
    /// compiler runs (with its generators) and its output really differs; the spec is not touched.
    /// </summary>
    public void Touch()
    {
        _revision++;
        WriteStamp();
    }

    public DateTime AssemblyWriteTime()
        => File.Exists(AssemblyPath) ? File.GetLastWriteTimeUtc(AssemblyPath) : DateTime.MinValue;

    /// <summary>The generators' output of the first build, plus the NSwag file for that variant.</summary>
    public IReadOnlyList<string> GeneratedFiles()
    {
        var files = new List<string>();
        if (System.IO.Directory.Exists(GeneratedDirectory))
        {
            files.AddRange(System.IO.Directory.EnumerateFiles(GeneratedDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        }

        if (Variant is Variant.NSwag or Variant.NSwagStj)
        {
            files.Add(Path.Combine(Directory, NSwagFileName));
        }

        if (Variant == Variant.NSwagStj)
        {
            files.Add(Path.Combine(Directory, NSwagContextFileName));
        }

        return files;
    }

    public static string NameOf(Variant variant) => variant == Variant.NSwagStj ? "nswag+stj" : variant.ToString().ToLowerInvariant();

    /// <summary>
    /// Writes the <see cref="Variant.NSwagStj"/> context: one <c>[JsonSerializable]</c> per class NSwag
    /// declared (its enums and nested types come along), except its file-upload helpers, which are not
    /// JSON. Returns how many types it names.
    /// </summary>
    public int WriteNSwagContext()
    {
        var dtos = File.ReadAllText(Path.Combine(Directory, NSwagFileName));
        var classes = s_nswagClass.Matches(dtos)
            .Select(match => match.Groups[1].Value)
            .Where(name => name is not ("FileParameter" or "FileResponse"))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var lines = new List<string> { "namespace " + ModelsNamespace + ";", "" };
        // Named apart from the types the context also covers (System.Object for NSwag's
        // AdditionalProperties), since NSwag may name a class Object too (SYSLIB1031).
        lines.AddRange(classes.Select(name => $"[System.Text.Json.Serialization.JsonSerializable(typeof({name}), TypeInfoPropertyName = \"{name}Dto\")]"));
        lines.Add("internal sealed partial class NSwagJsonContext : System.Text.Json.Serialization.JsonSerializerContext;");
        File.WriteAllText(Path.Combine(Directory, NSwagContextFileName), string.Join('\n', lines) + "\n");
        return classes.Length;
    }

    private static readonly Regex s_nswagClass = new(@"^    public partial class (\w+)\b", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private void WriteStamp()
        => File.WriteAllText(Path.Combine(Directory, "Stamp.cs"), $$"""
            namespace BuildCost;

            /// <summary>Changed before every timed build.</summary>
            public static class Stamp
            {
                public const int Revision = {{_revision.ToString(CultureInfo.InvariantCulture)}};
            }

            """);

    private static string Xml(string text) => SecurityElement.Escape(text);

    private const string OrdersSource = """
        namespace BuildCost;

        public sealed record OrderLine(string Product, int Quantity, decimal UnitPrice)
        {
            public decimal Total => Quantity * UnitPrice;
        }

        public sealed class Order
        {
            private readonly List<OrderLine> _lines = [];

            public Order(string customer) => Customer = customer;

            public string Customer { get; }

            public IReadOnlyList<OrderLine> Lines => _lines;

            public int Revision => Stamp.Revision;

            public void Add(string product, int quantity, decimal unitPrice)
            {
                ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
                _lines.Add(new OrderLine(product, quantity, unitPrice));
            }

            public decimal Total() => _lines.Sum(line => line.Total);

            public IEnumerable<string> Summary()
                => _lines
                    .GroupBy(line => line.Product, StringComparer.OrdinalIgnoreCase)
                    .OrderBy(group => group.Key, StringComparer.Ordinal)
                    .Select(group => $"{group.Key}: {group.Sum(line => line.Quantity)} for {group.Sum(line => line.Total):F2}");
        }

        """;
}
