using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Clerk.Models.Generator.Read.OpenApi;
using Clerk.Models.Generator.Read.Schemas;
using Clerk.Models.Generator.Read.Text;
using Clerk.Models.Generator.Tests.Infrastructure;
using Clerk.Models.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.OpenApi;
using Xunit;
using Xunit.Abstractions;

namespace Clerk.Models.Generator.Tests;

/// <summary>The Include and Exclude options: which components are generated, and what stays as it was.</summary>
public sealed class SubsettingTests(ITestOutputHelper output)
{
    private const string BundledPrefix = "clerk-user.";

    /// <summary>Two components that refer to each other, one that refers to itself through an array, and one apart.</summary>
    private const string Cycles = """
        openapi: 3.0.3
        info: {title: Cycles, version: '1'}
        paths: {}
        components:
          schemas:
            Parent:
              type: object
              properties:
                child: {$ref: '#/components/schemas/Child'}
            Child:
              type: object
              properties:
                parent: {$ref: '#/components/schemas/Parent'}
            Tree:
              type: object
              properties:
                children:
                  type: array
                  items: {$ref: '#/components/schemas/Tree'}
            Apart:
              type: object
              properties:
                id: {type: string}
        """;

    /// <summary>
    /// Names that depend on what was named before: 'Foo-Bar' takes FooBar, so 'FooBar' is FooBar2; A's inline
    /// 'b_c' takes ABC, so AB's inline 'c' is ABC2; the alias Tags builds its item enum for each component
    /// that refers to it, First's TagsItem before Second's TagsItem2.
    /// </summary>
    private const string Collisions = """
        openapi: 3.0.3
        info: {title: Collisions, version: '1'}
        paths: {}
        components:
          schemas:
            Foo-Bar:
              type: object
              properties:
                id: {type: string}
            FooBar:
              type: object
              properties:
                id: {type: string}
            A:
              type: object
              properties:
                b_c: {type: object, properties: {v: {type: string}}}
            AB:
              type: object
              properties:
                c: {type: object, properties: {v: {type: string}}}
            Tags:
              type: array
              items: {type: string, enum: [red, blue]}
            First:
              type: object
              properties:
                tags: {$ref: '#/components/schemas/Tags'}
            Second:
              type: object
              properties:
                tags: {$ref: '#/components/schemas/Tags'}
        """;

    [Fact]
    public void Including_one_component_generates_exactly_its_closure()
    {
        var run = RunBundled(new() { ["Include"] = "EmailAddress" });

        // EmailAddress's verification is OTP, Admin, FromOAuth or Ticket; FromOAuth's error is a ClerkError;
        // its linked_to items are IdentificationLinks. Nothing refers back to User.
        Assert.Equal(
            new[] { "Admin", "ClerkError", "ClerkUserJson", "EmailAddress", "FromOAuth", "IdentificationLink", "OTP", "Ticket" },
            ModelFiles(run, BundledPrefix));
        Assert.Contains("public sealed partial record EmailAddress", run.Source("clerk-user.EmailAddress.g.cs"));
        Assert.DoesNotContain(run.Sources, s => s.SourceText.ToString().Contains("partial record User", StringComparison.Ordinal));
        Assert.DoesNotContain("global::Clerk.Models.User>", run.Source("clerk-user.ClerkUserJson.g.cs"), StringComparison.Ordinal);
        Assert.Contains("JsonTypeInfo<global::Clerk.Models.EmailAddress> EmailAddress =>", run.Source("clerk-user.ClerkUserJson.g.cs"), StringComparison.Ordinal);
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.DefaultSeverity >= DiagnosticSeverity.Warning));
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void The_subset_files_are_the_files_of_the_full_run_unchanged()
    {
        var full = RunBundled();
        var subset = RunBundled(new() { ["Include"] = "EmailAddress;Web3Wallet" });

        var fullSources = full.Sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        foreach (var source in subset.Sources.Where(s => s.HintName != "clerk-user.ClerkUserJson.g.cs"))
        {
            Assert.Equal(fullSources[source.HintName], source.SourceText.ToString());
        }

        Assert.Equal(10, subset.Sources.Count); // 8 from EmailAddress, Web3Wallet and its Web3Signature, the resolver
        Assert.Empty(subset.CompilationProblems);
    }

    [Fact]
    public void Wildcards_several_names_spaces_and_empty_entries()
    {
        // SAMLAccount refers to SAML, Ticket and SAMLConnection; SAML's error is a ClerkError.
        Assert.Equal(
            new[] { "ClerkError", "ClerkUserJson", "SAML", "SAMLAccount", "SAMLConnection", "Ticket" },
            ModelFiles(RunBundled(new() { ["Include"] = "SAML*" }), BundledPrefix));

        var run = RunBundled(new() { ["Include"] = " OTP ;;Admin, ,*Link" });
        Assert.Equal(new[] { "Admin", "ClerkUserJson", "IdentificationLink", "OTP" }, ModelFiles(run, BundledPrefix));
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.DefaultSeverity >= DiagnosticSeverity.Warning));
        Assert.Empty(run.CompilationProblems);

        // Only separators names nothing: as if the option were not given.
        Assert.Equal(ModelFiles(RunBundled(), BundledPrefix), ModelFiles(RunBundled(new() { ["Include"] = " ; ;" }), BundledPrefix));
    }

    [Fact]
    public void In_a_project_file_names_are_separated_by_commas_since_a_semicolon_starts_a_comment()
    {
        // What the compiler makes of the .editorconfig file MSBuild writes the options into.
        GeneratorRun FromProjectFile(string include)
        {
            var spec = GeneratorHarness.BundledSpec();
            var config = AnalyzerConfig.Parse(
                "is_global = true\nbuild_property.ClerkModelsExclude = Admin;OTP\n\n[" + spec.Path + "]\nbuild_metadata.AdditionalFiles.Include = " + include + "\n",
                "/obj/Consumer.GeneratedMSBuildEditorConfig.editorconfig");
            var set = AnalyzerConfigSet.Create(ImmutableArray.Create(config));
            static Dictionary<string, string> Without(string prefix, IEnumerable<KeyValuePair<string, string>> options)
                => options.Where(o => o.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).ToDictionary(o => o.Key.Substring(prefix.Length), o => o.Value);
            return Run(
                spec with { Metadata = Without("build_metadata.AdditionalFiles.", set.GetOptionsForSourcePath(spec.Path).AnalyzerOptions) },
                Without("build_property.", set.GlobalConfigOptions.AnalyzerOptions));
        }

        // OTP is generated: the project's 'Admin;OTP' reached the generator as 'Admin'.
        Assert.Equal(new[] { "ClerkUserJson", "OTP", "Ticket" }, ModelFiles(FromProjectFile("OTP, Ticket"), BundledPrefix));
        Assert.Equal(new[] { "ClerkUserJson", "OTP" }, ModelFiles(FromProjectFile("OTP;Ticket"), BundledPrefix));
    }

    [Fact]
    public void A_name_that_matches_no_schema_is_a_located_warning_and_the_rest_generates()
    {
        var text = File.ReadAllText(GeneratorHarness.RepoFile("specs", "clerk-user.yaml"));
        var run = RunBundled(new() { ["Include"] = "OTP;Nobody;user", ["Exclude"] = "Gone*" });

        var warnings = run.GeneratorDiagnostics.Where(d => d.Id == "CMG014").ToList();
        Assert.Equal(3, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(DiagnosticSeverity.Warning, w.DefaultSeverity));
        Assert.Contains("'Nobody' in Include (ClerkModelsInclude) matches nothing in this spec;", warnings[0].GetMessage());
        Assert.Contains("'user' in Include (ClerkModelsInclude) matches nothing in this spec (did you mean 'User'?)", warnings[1].GetMessage());
        Assert.Contains("'Gone*' in Exclude (ClerkModelsExclude)", warnings[2].GetMessage());

        // Located at the 'schemas' key, since the option itself is written in the project file.
        var schemasLine = text.Split('\n').ToList().FindIndex(l => l.TrimEnd() == "  schemas:");
        Assert.All(warnings, w => Assert.Equal(schemasLine, w.Location.GetLineSpan().StartLinePosition.Line));
        Assert.All(warnings, w => Assert.Equal(GeneratorHarness.RepoFile("specs", "clerk-user.yaml"), w.Location.GetLineSpan().Path));

        // Names are the spec's, compared case-sensitively: 'user' is not User.
        Assert.Equal(new[] { "ClerkUserJson", "OTP" }, ModelFiles(run, BundledPrefix));
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void A_name_that_matches_nothing_in_a_spec_without_components_is_located_at_the_start()
    {
        var spec = new SpecFile("/specs/empty.yaml", "openapi: 3.0.3\ninfo: {title: E, version: '1'}\npaths: {}\n", "Empty", new Dictionary<string, string> { ["Include"] = "User" });
        var warning = Assert.Single(GeneratorHarness.Run(spec).GeneratorDiagnostics, d => d.Id == "CMG014");
        Assert.Equal(0, warning.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal("/specs/empty.yaml", warning.Location.GetLineSpan().Path);
    }

    [Fact]
    public void A_definitions_name_that_matches_nothing_is_located_at_definitions()
    {
        var spec = new SpecFile(
            "/specs/old.yaml",
            "swagger: '2.0'\ninfo: {title: Old, version: '1'}\npaths: {}\ndefinitions:\n  Pet:\n    type: object\n    properties:\n      name: {type: string}\n",
            "Old",
            new Dictionary<string, string> { ["Include"] = "Pet;Dog" });
        var run = GeneratorHarness.Run(spec);

        var warning = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CMG014");
        Assert.Equal(3, warning.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(new[] { "OldJson", "Pet" }, ModelFiles(run, "old."));
    }

    [Fact]
    public void Cycles_generate_each_member_once_and_end()
    {
        var run = Run(Cycles, new() { ["Include"] = "Child" });
        Assert.Equal(new[] { "Child", "CyclesJson", "Parent" }, ModelFiles(run, "cycles."));
        Assert.Empty(run.CompilationProblems);

        run = Run(Cycles, new() { ["Include"] = "Tree" });
        Assert.Equal(new[] { "CyclesJson", "Tree" }, ModelFiles(run, "cycles."));
        Assert.Contains("ValueList<global::Subset.Tree>? Children", run.Source("cycles.Tree.g.cs"));
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void The_closure_follows_a_chain_far_deeper_than_a_stack_without_recursion()
    {
        // 200,000 components, each referring to the next through an array, a map and an allOf in turn,
        // and the last back to the first. Walked by recursion, this overflows the stack.
        const int Count = 200_000;
        var document = new OpenApiDocument { Components = new OpenApiComponents { Schemas = new Dictionary<string, IOpenApiSchema>() } };
        for (var i = 0; i < Count; i++)
        {
            IOpenApiSchema next = new OpenApiSchemaReference("S" + ((i + 1) % Count), document);
            document.Components.Schemas["S" + i] = (i % 3) switch
            {
                0 => new OpenApiSchema { Type = JsonSchemaType.Object, Properties = new Dictionary<string, IOpenApiSchema> { ["next"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = next } } },
                1 => new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = next },
                _ => new OpenApiSchema { AllOf = new List<IOpenApiSchema> { next } },
            };
        }

        document.Components.Schemas["Apart"] = new OpenApiSchema { Type = JsonSchemaType.Object };
        var closure = SchemaClosure.Of(new OpenApiAdapter(document, new SpecLocator("/specs/deep.yaml", string.Empty)), new[] { "S7" }, CancellationToken.None);

        Assert.Equal(Count, closure.Count);
        Assert.False(closure.Contains("Apart"));
        Assert.Null(closure.ReferrerOf("S7"));
        Assert.Equal("S7", closure.ReferrerOf("S8"));
        Assert.Equal("S" + (Count - 1), closure.ReferrerOf("S0"));
        Assert.Equal("S5", closure.ReferrerOf("S6"));
    }

    [Fact]
    public void The_closure_follows_mappings_by_bare_name_composition_aliases_and_encoded_ids()
    {
        // Include=Pet brings the subtypes its discriminator maps to, although nothing else refers to them.
        const string Spec = """
            openapi: 3.0.3
            info: {title: Refs, version: '1'}
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  required: [kind]
                  properties:
                    kind: {type: string}
                    home: {$ref: '#/components/schemas/Home'}
                  discriminator:
                    propertyName: kind
                    mapping:
                      dog: Dog
                      lizard: '#/components/schemas/Lizard'
                Dog:
                  allOf:
                    - $ref: '#/components/schemas/Pet'
                    - type: object
                      properties:
                        toys: {$ref: '#/components/schemas/Toys'}
                Lizard:
                  allOf:
                    - $ref: '#/components/schemas/Pet'
                    - type: object
                      properties:
                        scales: {type: integer}
                Home:
                  oneOf:
                    - $ref: '#/components/schemas/House'
                    - $ref: '#/components/schemas/Flat'
                House: {type: object, required: [garden], properties: {garden: {type: boolean}}}
                Flat: {type: object, required: [floor], properties: {floor: {type: integer}}}
                Toys:
                  type: array
                  items: {$ref: '#/components/schemas/Toy'}
                Toy:
                  type: object
                  properties:
                    maker: {$ref: '#/components/schemas/Toy%20Maker'}
                    parts:
                      type: object
                      additionalProperties:
                        anyOf:
                          - $ref: '#/components/schemas/Part'
                          - {type: string}
                Toy Maker: {type: object, properties: {name: {type: string}}}
                Part: {type: object, properties: {size: {type: number}}}
                Unused: {type: object, properties: {x: {type: string}}}
            """;

        var run = Run(Spec, new() { ["Include"] = "Pet" });

        Assert.Equal(new[] { "Dog", "Flat", "Home", "House", "Lizard", "Part", "Pet", "RefsJson", "Toy", "ToyMaker" }, ModelFiles(run, "refs."));
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.DefaultSeverity >= DiagnosticSeverity.Warning));
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void Exclude_alone_removes_components_nothing_else_needs()
    {
        var full = ModelFiles(RunBundled(), BundledPrefix);
        var run = RunBundled(new() { ["Exclude"] = "User" });

        Assert.Equal(full.Where(f => f != "User"), ModelFiles(run, BundledPrefix));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CMG014" or "CMG015");
        Assert.Empty(run.CompilationProblems);

        // Everything excluded: only the (empty) resolver.
        var none = RunBundled(new() { ["Exclude"] = "*" });
        Assert.Equal(new[] { "ClerkUserJson" }, ModelFiles(none, BundledPrefix));
        Assert.Empty(none.CompilationProblems);
    }

    [Fact]
    public void An_excluded_component_that_a_generated_one_needs_is_generated_with_an_info_at_it()
    {
        var text = File.ReadAllText(GeneratorHarness.RepoFile("specs", "clerk-user.yaml"));
        var run = RunBundled(new() { ["Include"] = "EmailAddress;Oauth", ["Exclude"] = "ClerkError;Oauth;IdentificationLink" });

        // Oauth is not a root any more; ClerkError (FromOAuth's error) and IdentificationLink are still needed.
        Assert.Equal(
            new[] { "Admin", "ClerkError", "ClerkUserJson", "EmailAddress", "FromOAuth", "IdentificationLink", "OTP", "Ticket" },
            ModelFiles(run, BundledPrefix));
        var infos = run.GeneratorDiagnostics.Where(d => d.Id == "CMG015").ToList();
        Assert.Equal(2, infos.Count);
        Assert.All(infos, i => Assert.Equal(DiagnosticSeverity.Info, i.DefaultSeverity));
        Assert.Equal("'ClerkError' is in Exclude, but it is generated: 'FromOAuth', which is kept, refers to it, and the generated code would not compile without it", infos[0].GetMessage());
        Assert.Contains("'IdentificationLink' is in Exclude, but it is generated: 'EmailAddress'", infos[1].GetMessage());
        var lines = text.Split('\n').ToList();
        Assert.Equal(lines.FindIndex(l => l.TrimEnd() == "    ClerkError:"), infos[0].Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(lines.FindIndex(l => l.TrimEnd() == "    IdentificationLink:"), infos[1].Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void Type_names_do_not_depend_on_the_subset()
    {
        var full = Run(Collisions);
        Assert.Equal(new[] { "A", "AB", "CollisionsJson", "First", "FooBar", "FooBar2", "Second" }, ModelFiles(full, "collisions."));
        Assert.Contains("partial record ABC2", full.Source("collisions.AB.g.cs"));
        Assert.Contains("partial class TagsItem2", full.Source("collisions.Second.g.cs"));

        // Without the components that took them first, FooBar, ABC and TagsItem keep their number.
        var run = Run(Collisions, new() { ["Include"] = "FooBar;AB;Second" });
        Assert.Equal(new[] { "AB", "CollisionsJson", "FooBar2", "Second" }, ModelFiles(run, "collisions."));
        foreach (var file in new[] { "collisions.FooBar2.g.cs", "collisions.AB.g.cs", "collisions.Second.g.cs" })
        {
            Assert.Equal(full.Source(file), run.Source(file));
        }

        // The rename is still reported at the component it renames; the excluded ones report nothing.
        var renames = run.GeneratorDiagnostics.Where(d => d.Id == "CMG006").Select(d => d.GetMessage()).ToList();
        Assert.Contains(renames, m => m.Contains("'FooBar' would be named 'FooBar'", StringComparison.Ordinal));
        Assert.Contains(renames, m => m.Contains("'ABC2'", StringComparison.Ordinal));
        Assert.Equal(full.GeneratorDiagnostics.Count(d => d.Id == "CMG006"), renames.Count);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void What_a_component_outside_the_subset_would_report_is_not_reported()
    {
        const string Spec = """
            openapi: 3.0.3
            info: {title: Noisy, version: '1'}
            paths: {}
            components:
              schemas:
                Quiet: {type: object, properties: {id: {type: string}}}
                Noisy:
                  type: object
                  properties:
                    odd: {not: {type: string}}
                    lost: {$ref: '#/components/schemas/Missing'}
                Loop: {$ref: '#/components/schemas/Loop2'}
                Loop2: {$ref: '#/components/schemas/Loop'}
            """;

        var run = Run(Spec, new() { ["Include"] = "Quiet" });
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(new[] { "NoisyJson", "Quiet" }, ModelFiles(run, "noisy."));

        // Included, each says what it says without the option.
        Assert.Equal(new[] { "CMG005", "CMG005", "CMG004" }, Run(Spec).GeneratorDiagnostics.Select(d => d.Id));
        Assert.Equal(new[] { "CMG005", "CMG004" }, Run(Spec, new() { ["Include"] = "Noisy" }).GeneratorDiagnostics.Select(d => d.Id));
        Assert.Equal(new[] { "CMG005" }, Run(Spec, new() { ["Include"] = "Loop2" }).GeneratorDiagnostics.Select(d => d.Id));
    }

    [Fact]
    public void The_project_properties_apply_unless_the_item_says_otherwise()
    {
        var property = RunBundled(properties: new() { ["ClerkModelsInclude"] = "OTP" });
        Assert.Equal(new[] { "ClerkUserJson", "OTP" }, ModelFiles(property, BundledPrefix));

        var item = RunBundled(new() { ["Include"] = "Admin" }, new() { ["ClerkModelsInclude"] = "OTP" });
        Assert.Equal(new[] { "Admin", "ClerkUserJson" }, ModelFiles(item, BundledPrefix));

        // Each option on its own: the item's Include with the project's Exclude.
        var both = RunBundled(new() { ["Include"] = "OTP;Admin" }, new() { ["ClerkModelsExclude"] = "Admin" });
        Assert.Equal(new[] { "ClerkUserJson", "OTP" }, ModelFiles(both, BundledPrefix));
        Assert.Equal(new[] { "ClerkUserJson" }, ModelFiles(RunBundled(properties: new() { ["ClerkModelsExclude"] = "*" }), BundledPrefix));
        var excluded = RunBundled(new() { ["Exclude"] = "User" }, new() { ["ClerkModelsExclude"] = "*" });
        Assert.Equal(ModelFiles(RunBundled(), BundledPrefix).Where(f => f != "User"), ModelFiles(excluded, BundledPrefix));
    }

    [Fact]
    public void A_ref_from_another_spec_into_a_schema_it_leaves_out_does_not_compile()
    {
        // Each spec is read on its own; the README says to include the schema where it is declared.
        var customers = new SpecFile(
            "/api/customers.yaml",
            "openapi: 3.0.3\ninfo: {title: C, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Customer: {type: object, properties: {id: {type: string}}}\n    Tier: {type: string, enum: [free, pro]}\n",
            "Shop.Customers",
            new Dictionary<string, string> { ["Include"] = "Tier" });
        var orders = new SpecFile(
            "/api/orders.yaml",
            "openapi: 3.0.3\ninfo: {title: O, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Order: {type: object, properties: {customer: {$ref: 'customers.yaml#/components/schemas/Customer'}}}\n",
            "Shop.Orders");

        var run = GeneratorHarness.Run(customers, orders);

        Assert.Contains(run.CompilationProblems, d => d.Id == "CS0234" && d.GetMessage().Contains("'Customer'", StringComparison.Ordinal));
    }

    [Fact]
    public void Editing_a_schema_outside_the_subset_re_emits_nothing()
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var bundled = GeneratorHarness.BundledSpec() with { Metadata = new Dictionary<string, string> { ["Include"] = "OTP" } };
        var driver = GeneratorHarness.CreateDriver(new[] { bundled }, out var texts).RunGenerators(compilation);

        var edited = bundled.Text.Replace("    Admin:\n      type: object\n", "    Admin:\n      description: Verified by an administrator.\n      type: object\n");
        Assert.NotEqual(bundled.Text, edited);
        driver = driver.ReplaceAdditionalText(texts.Single(), new InMemorySpecText(bundled.Path, edited)).RunGenerators(compilation);

        // The spec is read again, and gives the same model: no file is emitted again.
        var result = driver.GetRunResult().Results.Single();
        Assert.Contains(result.TrackedSteps[TrackingNames.SpecInputs].SelectMany(s => s.Outputs), o => o.Reason is IncrementalStepRunReason.Modified);
        Assert.All(
            new[] { TrackingNames.Models, TrackingNames.Files, TrackingNames.Resolvers }.SelectMany(step => result.TrackedSteps[step]).SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    [Fact]
    public void Include_User_on_Clerks_full_spec_generates_a_fraction_of_it()
    {
        var text = File.ReadAllText(GeneratorHarness.RepoFile("benchmarks", "Clerk.Models.Benchmarks", "Inputs", "bapi-2025-03-12.yml"));
        var full = Run(text, name: "bapi");
        var subset = Run(text, new() { ["Include"] = "User" }, name: "bapi");

        var (fullFiles, fullLines, fullChars) = Size(full);
        var (subsetFiles, subsetLines, subsetChars) = Size(subset);
        output.WriteLine(
            $"Clerk's full spec (bapi-2025-03-12.yml): {fullFiles} files, {fullLines:N0} lines, {fullChars:N0} characters generated; "
            + $"Include=User: {subsetFiles} files, {subsetLines:N0} lines, {subsetChars:N0} characters ({100.0 * subsetLines / fullLines:F0}% of the lines).");

        // User and what it refers to are the bundled spec's 19 schemas: about a quarter of the whole.
        Assert.True(subsetLines * 3 < fullLines, $"{subsetLines} lines of {fullLines}");
        Assert.True(subsetFiles * 3 < fullFiles, $"{subsetFiles} files of {fullFiles}");
        Assert.Contains("bapi.User.g.cs", subset.Sources.Select(s => s.HintName));
        Assert.Empty(subset.GeneratorDiagnostics.Where(d => d.DefaultSeverity >= DiagnosticSeverity.Warning));
        Assert.Empty(subset.CompilationProblems);

        var fullSources = full.Sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        Assert.All(subset.Sources.Where(s => s.HintName != "bapi.BapiJson.g.cs"), s => Assert.Equal(fullSources[s.HintName], s.SourceText.ToString()));

        static (int Files, int Lines, int Characters) Size(GeneratorRun run)
            => (run.Sources.Count, run.Sources.Sum(s => s.SourceText.Lines.Count), run.Sources.Sum(s => s.SourceText.Length));
    }

    /// <summary>The generated files' type names (hint names without the spec prefix and <c>.g.cs</c>), sorted.</summary>
    private static string[] ModelFiles(GeneratorRun run, string prefix)
        => run.Sources
            .Select(s => s.HintName)
            .Where(h => h.StartsWith(prefix, StringComparison.Ordinal))
            .Select(h => h.Substring(prefix.Length, h.Length - prefix.Length - ".g.cs".Length))
            .OrderBy(h => h, StringComparer.Ordinal)
            .ToArray();

    private static GeneratorRun RunBundled(Dictionary<string, string>? metadata = null, Dictionary<string, string>? properties = null)
    {
        var bundled = GeneratorHarness.BundledSpec();
        return Run(bundled with { Metadata = metadata }, properties);
    }

    private static GeneratorRun Run(string text, Dictionary<string, string>? metadata = null, Dictionary<string, string>? properties = null, string? name = null)
    {
        var title = name ?? text.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("info:", StringComparison.Ordinal)).Split("title: ")[1].Split(',')[0].ToLowerInvariant();
        return Run(new SpecFile("/specs/" + title + ".yaml", text, "Subset", metadata), properties);
    }

    private static GeneratorRun Run(SpecFile spec, Dictionary<string, string>? properties)
    {
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver(new[] { spec }, properties: properties)
            .RunGeneratorsAndUpdateCompilation(compilation, out var compiled, out var diagnostics);
        return new GeneratorRun(driver, compiled, diagnostics);
    }
}
