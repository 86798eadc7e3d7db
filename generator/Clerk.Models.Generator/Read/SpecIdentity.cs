using System.Collections.Generic;
using System.IO;
using System.Linq;
using Clerk.Models.Generator.Diagnostics;
using Clerk.Models.Generator.Input;
using Clerk.Models.Generator.Model;
using Clerk.Models.Generator.Naming;
using Clerk.Models.Generator.Read.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Clerk.Models.Generator.Read;

/// <summary>
/// What a spec is called in the generated code: its file name as it appears in hint names, its
/// namespace, and the start of its hint names, unique among the project's specs.
/// </summary>
internal static class SpecIdentity
{
    /// <summary>The file name without extension, as it may appear in hint names and comments: letters, digits, '.', '-' and '_'.</summary>
    public static string SpecName(string path)
    {
        var chars = Path.GetFileNameWithoutExtension(path).Select(c => c < 128 && (char.IsLetterOrDigit(c) || c is '.' or '-' or '_') ? c : '_').ToArray();
        return chars.Length == 0 ? "spec" : new string(chars);
    }

    /// <summary>Where a spec's types go, without reporting anything: what other specs need to refer to them.</summary>
    public static KnownSpec Locate(SpecInput input)
        => new(input.Path, Namespace(input, SpecName(input.Path), new SpecLocator(input.Path, string.Empty), new List<DiagnosticInfo>()));

    /// <summary>
    /// The <c>Namespace</c> metadata when given and valid; otherwise the project's root namespace
    /// followed by the spec's file name in PascalCase (<c>MyApp.ClerkUser</c> for <c>clerk-user.yaml</c>).
    /// </summary>
    public static string Namespace(SpecInput input, string specName, SpecLocator locator, List<DiagnosticInfo> diagnostics)
    {
        var fallback = NameMangler.ToPascalCase(specName, "Spec");
        if (!string.IsNullOrWhiteSpace(input.Options.RootNamespace) && IsValidNamespace(input.Options.RootNamespace!))
        {
            fallback = input.Options.RootNamespace + "." + fallback;
        }

        var requested = input.Options.Namespace;
        if (string.IsNullOrWhiteSpace(requested))
        {
            return fallback;
        }

        if (IsValidNamespace(requested!.Trim()))
        {
            return requested.Trim();
        }

        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOption, locator.File, requested, "the Namespace metadata", "a C# namespace such as 'Contoso.Models'", fallback));
        return fallback;
    }

    /// <summary>
    /// Hint names must be unique in a compilation, ignoring case: two specs with one file name (a/pets.yaml,
    /// b/Pets.yaml) add their namespace, and when that is the same too, their position among the project's paths.
    /// </summary>
    public static string HintPrefix(string path, string specName, string @namespace, EquatableArray<KnownSpec> knownSpecs)
    {
        var sameName = knownSpecs.Where(k => string.Equals(SpecName(k.Path), specName, System.StringComparison.OrdinalIgnoreCase)).ToList();
        if (sameName.Count <= 1)
        {
            return specName;
        }

        var sameNamespace = sameName.Where(k => string.Equals(k.Namespace, @namespace, System.StringComparison.OrdinalIgnoreCase)).Select(k => k.Path).OrderBy(p => p, System.StringComparer.Ordinal).ToList();
        return sameNamespace.Count <= 1
            ? specName + "." + @namespace
            : specName + "." + @namespace + "." + (sameNamespace.IndexOf(path) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The name the spec's type-info resolver would like: <c>ClerkUserJson</c> for <c>clerk-user.yaml</c>.</summary>
    public static string ResolverName(string specName) => NameMangler.ToPascalCase(specName, "Spec") + "Json";

    private static bool IsValidNamespace(string value)
        => value.Split('.').All(part => SyntaxFacts.IsValidIdentifier(part) && SyntaxFacts.GetKeywordKind(part) == SyntaxKind.None);
}
