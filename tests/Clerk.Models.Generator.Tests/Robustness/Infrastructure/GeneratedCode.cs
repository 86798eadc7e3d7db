using System;
using System.Collections.Generic;
using System.Linq;
using Clerk.Models.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit.Sdk;

namespace Clerk.Models.Generator.Tests.Robustness.Infrastructure;

/// <summary>
/// The generated code as Roslyn syntax, for asserting that spec text became only the declarations
/// the schema defines: no extra types, members or directives, and doc comments that stay comments.
/// </summary>
public sealed class GeneratedCode
{
    private static readonly CSharpParseOptions DiagnoseDocs = GeneratorHarness.ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);

    /// <summary>The XML elements the generator writes into doc comments; anything else came from a spec.</summary>
    private static readonly HashSet<string> DocElements = new(StringComparer.Ordinal)
    {
        "summary", "remarks", "c", "see", "paramref", "inheritdoc", "exception",
    };

    public GeneratedCode(GeneratorRun run)
    {
        Files = run.Sources
            .Select(s => (s.HintName, Tree: CSharpSyntaxTree.ParseText(s.SourceText, DiagnoseDocs, s.HintName)))
            .ToList();
    }

    public IReadOnlyList<(string HintName, SyntaxTree Tree)> Files { get; }

    /// <summary>The models (records, enums, unions) and their nested types, as <see cref="TypeNames"/> but without the spec-wide resolver.</summary>
    public IReadOnlyList<string> ModelTypeNames
    {
        get
        {
            var names = TypeNames;
            var models = names.Where(n => !n.Contains('.') && names.Contains(n + ".JsonConverter")).ToHashSet(StringComparer.Ordinal);
            return names.Where(n => models.Contains(n.Split('.')[0])).ToList();
        }
    }

    /// <summary>Every type declaration (nested ones as <c>Outer.Inner</c>), in file order.</summary>
    public IReadOnlyList<string> TypeNames
        => Files.SelectMany(f => f.Tree.GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>()).Select(QualifiedName).ToList();

    public BaseTypeDeclarationSyntax Type(string qualifiedName)
    {
        var matches = Files.SelectMany(f => f.Tree.GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
            .Where(t => QualifiedName(t) == qualifiedName)
            .ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new XunitException($"Expected one declaration of '{qualifiedName}', found {matches.Count}. Types: {string.Join(", ", TypeNames)}");
    }

    /// <summary>The properties a type declares itself (not those of nested types).</summary>
    public IReadOnlyList<string> Properties(string qualifiedName)
        => OwnMembers(Type(qualifiedName)).OfType<PropertyDeclarationSyntax>().Select(p => p.Identifier.ValueText).ToList();

    public IReadOnlyList<string> Methods(string qualifiedName)
        => OwnMembers(Type(qualifiedName)).OfType<MethodDeclarationSyntax>().Select(m => m.Identifier.ValueText).ToList();

    public IReadOnlyList<string> Fields(string qualifiedName)
        => OwnMembers(Type(qualifiedName)).OfType<FieldDeclarationSyntax>().SelectMany(f => f.Declaration.Variables).Select(v => v.Identifier.ValueText).ToList();

    public IReadOnlyList<string> EnumMembers(string qualifiedName)
        => ((EnumDeclarationSyntax)Type(qualifiedName)).Members.Select(m => m.Identifier.ValueText).ToList();

    /// <summary>The values of the string literals a type's declaration contains, nested types included.</summary>
    public IReadOnlyList<string> StringLiterals(string qualifiedName)
        => Type(qualifiedName).DescendantTokens()
            .Where(t => t.IsKind(SyntaxKind.StringLiteralToken) || t.IsKind(SyntaxKind.Utf8StringLiteralToken))
            .Select(t => t.ValueText)
            .ToList();

    /// <summary>The JSON names a record's converter matches, from its <c>s_names</c> table, in member order.</summary>
    public IReadOnlyList<string> JsonNames(string recordName)
    {
        var converter = Type(recordName + ".JsonConverter");
        var table = converter.DescendantNodes().OfType<VariableDeclaratorSyntax>().SingleOrDefault(v => v.Identifier.ValueText == "s_names");
        return table is null
            ? Array.Empty<string>()
            : table.DescendantTokens().Where(t => t.IsKind(SyntaxKind.StringLiteralToken)).Select(t => t.ValueText).ToList();
    }

    /// <summary>The records (top-level types with a nested <c>JsonMember</c>) whose converters match exactly <paramref name="jsonNames"/>.</summary>
    public IReadOnlyList<string> RecordsWithJsonNames(IReadOnlyList<string> jsonNames)
        => TypeNames.Where(n => !n.Contains('.') && TypeNames.Contains(n + ".JsonMember") && JsonNames(n).SequenceEqual(jsonNames)).ToList();

    /// <summary>
    /// Every file has exactly the generator's own directives (<c>#nullable enable annotations</c>,
    /// <c>#nullable disable warnings</c>, <c>#pragma warning disable CS0612, CS0618</c> in its header, and around each record's constructor
    /// for its converter a <c>#pragma warning disable</c>/<c>restore CS8618</c> pair), no text excluded by
    /// a directive, and no malformed doc comment or doc element the generator does not write.
    /// </summary>
    public void AssertOnlyOwnDirectivesAndWellFormedDocs()
    {
        foreach (var (hintName, tree) in Files)
        {
            var root = tree.GetRoot();
            var directives = root.DescendantTrivia(descendIntoTrivia: true)
                .Select(t => t.GetStructure())
                .OfType<DirectiveTriviaSyntax>()
                .ToList();
            var nullable = directives.OfType<NullableDirectiveTriviaSyntax>().ToList();
            var pragmas = directives.OfType<PragmaWarningDirectiveTriviaSyntax>().ToList();
            var ctorPragmas = pragmas.Skip(1).ToList();
            var ok = directives.Count == 2 + pragmas.Count
                && nullable.Count == 2
                && nullable[0].SettingToken.IsKind(SyntaxKind.EnableKeyword) && nullable[0].TargetToken.IsKind(SyntaxKind.AnnotationsKeyword)
                && nullable[1].SettingToken.IsKind(SyntaxKind.DisableKeyword) && nullable[1].TargetToken.IsKind(SyntaxKind.WarningsKeyword)
                && pragmas.Count >= 1 && pragmas[0].DisableOrRestoreKeyword.IsKind(SyntaxKind.DisableKeyword)
                && pragmas[0].ErrorCodes.Select(c => c.ToString()).SequenceEqual(new[] { "CS0612", "CS0618" })
                && ctorPragmas.Count % 2 == 0
                && ctorPragmas.Select((p, i) => p.DisableOrRestoreKeyword.IsKind(i % 2 == 0 ? SyntaxKind.DisableKeyword : SyntaxKind.RestoreKeyword)
                    && p.ErrorCodes.Select(c => c.ToString()).SequenceEqual(new[] { "CS8618" })).All(x => x);
            if (!ok)
            {
                throw new XunitException($"{hintName}: expected only '#nullable enable annotations', '#nullable disable warnings' and '#pragma warning disable CS0612, CS0618', found:\n"
                    + string.Join("\n", directives.Select(d => d.ToString())));
            }

            if (root.DescendantTrivia(descendIntoTrivia: true).FirstOrDefault(t => t.IsKind(SyntaxKind.DisabledTextTrivia)) is { } disabled
                && disabled.Span.Length > 0)
            {
                throw new XunitException($"{hintName}: text excluded from compilation: {disabled}");
            }

            var problems = tree.GetDiagnostics().ToList();
            if (problems.Count > 0)
            {
                throw new XunitException($"{hintName}: does not parse cleanly (doc comments checked):\n" + string.Join("\n", problems.Take(5)));
            }

            var foreign = root.DescendantNodes(descendIntoTrivia: true)
                .Select(n => n switch
                {
                    XmlElementSyntax element => element.StartTag.Name.LocalName.ValueText,
                    XmlEmptyElementSyntax empty => empty.Name.LocalName.ValueText,
                    _ => null,
                })
                .Where(name => name is not null && !DocElements.Contains(name))
                .ToList();
            if (foreign.Count > 0)
            {
                throw new XunitException($"{hintName}: doc comments hold elements the generator does not write: {string.Join(", ", foreign.Distinct())}");
            }
        }
    }

    /// <summary>No identifier in the generated code is one of <paramref name="forbidden"/> (words of an injected payload).</summary>
    public void AssertNoIdentifier(params string[] forbidden)
    {
        foreach (var (hintName, tree) in Files)
        {
            var found = tree.GetRoot().DescendantTokens()
                .Where(t => t.IsKind(SyntaxKind.IdentifierToken) && forbidden.Contains(t.ValueText))
                .ToList();
            if (found.Count > 0)
            {
                throw new XunitException($"{hintName}: spec text became code: {string.Join(", ", found.Select(t => $"'{t.ValueText}' at {t.GetLocation().GetLineSpan().StartLinePosition}"))}");
            }
        }
    }

    private static IEnumerable<MemberDeclarationSyntax> OwnMembers(BaseTypeDeclarationSyntax type)
        => type is TypeDeclarationSyntax declaration ? declaration.Members : Enumerable.Empty<MemberDeclarationSyntax>();

    private static string QualifiedName(BaseTypeDeclarationSyntax type)
    {
        var names = type.AncestorsAndSelf().OfType<BaseTypeDeclarationSyntax>().Select(t => t.Identifier.ValueText).Reverse();
        return string.Join(".", names);
    }
}
