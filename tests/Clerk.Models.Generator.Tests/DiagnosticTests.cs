using System.Linq;
using Clerk.Models.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Clerk.Models.Generator.Tests;

/// <summary>Problems in a spec become located diagnostics; nothing reaches the compiler as an exception.</summary>
public sealed class DiagnosticTests
{
    [Fact]
    public void Yaml_syntax_error_is_reported_at_its_line()
    {
        const string spec = "openapi: 3.0.3\ninfo:\n  title: Broken\n  version: '1'\ncomponents:\n  schemas:\n    Pet:\n      type: object\n      properties: {name: [\n";

        var run = GeneratorHarness.Run(new SpecFile("/specs/broken.yaml", spec));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CMG001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("/specs/broken.yaml", diagnostic.Location.GetLineSpan().Path);
        Assert.True(diagnostic.Location.GetLineSpan().StartLinePosition.Line >= 8, diagnostic.ToString());
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Unresolved_reference_is_located_and_falls_back_to_raw_json()
    {
        const string spec = """
            openapi: 3.0.3
            info: {title: Refs, version: '1'}
            paths: {}
            components:
              schemas:
                Pet:
                  type: object
                  properties:
                    owner:
                      $ref: '#/components/schemas/Owner'
            """;

        var run = GeneratorHarness.Run(new SpecFile("/specs/refs.yaml", spec));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CMG004");
        Assert.Equal(8, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("global::Clerk.Models.Runtime.RawJson? Owner", run.Source("refs.Pet.g.cs"));
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void Files_that_are_not_specs_are_ignored_silently()
    {
        var run = GeneratorHarness.Run(
            new SpecFile("/config/appsettings.json", """{"Logging": {"LogLevel": {"Default": "Information"}}}"""),
            new SpecFile("/config/pipeline.yaml", "steps:\n  - run: build\n"),
            new SpecFile("/docs/readme.md", "# openapi: 3.0.0"));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void A_yaml_file_holding_json_is_a_spec_too()
    {
        var run = GeneratorHarness.Run(new SpecFile("/specs/fruit.yaml", """
            {
               "openapi": "3.0.1",
               "info": {"title": "fruity", "version": "1"},
               "paths": {},
               "components": {"schemas": {"Fruit": {"type": "object", "properties": {"color": {"type": "string"}}}}}
            }
            """));

        Assert.Contains(run.Sources, s => s.HintName == "fruit.Fruit.g.cs");
    }

    [Fact]
    public void Json_specs_are_read_like_yaml_ones()
    {
        const string spec = """
            {"openapi": "3.0.3", "info": {"title": "Pets", "version": "1"}, "paths": {},
             "components": {"schemas": {"Pet": {"type": "object", "required": ["name"],
               "properties": {"name": {"type": "string"}, "tag": {"type": "string", "nullable": true}}}}}}
            """;

        var run = GeneratorHarness.Run(new SpecFile("/specs/pets.json", spec, "Pets.Models"));

        Assert.Empty(run.GeneratorDiagnostics);
        var source = run.Source("pets.Pet.g.cs");
        Assert.Contains("namespace Pets.Models", source);
        Assert.Contains("public required string Name", source);
        Assert.Contains("public string? Tag", source);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void Default_namespace_is_root_namespace_and_spec_name()
    {
        var spec = new SpecFile("/specs/pet-store.yaml", "openapi: 3.0.3\ninfo: {title: P, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Pet: {type: object, properties: {name: {type: string}}}\n");

        var run = GeneratorHarness.Run(spec);

        Assert.Contains("namespace Consumer.PetStore", run.Source("pet-store.Pet.g.cs"));
    }

    [Fact]
    public void Invalid_namespace_metadata_is_reported_and_the_default_used()
    {
        var spec = new SpecFile("/specs/pets.yaml", "openapi: 3.0.3\ninfo: {title: P, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Pet: {type: object, properties: {name: {type: string}}}\n", "My Models;");

        var run = GeneratorHarness.Run(spec);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CMG008", diagnostic.Id);
        Assert.Contains("My Models;", diagnostic.GetMessage());
        Assert.Contains("namespace Consumer.Pets", run.Source("pets.Pet.g.cs"));
    }

    [Fact]
    public void A_broken_spec_does_not_stop_the_others()
    {
        var good = GeneratorHarness.BundledSpec();
        var broken = new SpecFile("/specs/broken.yaml", "openapi: 3.0.3\ninfo: [\n");

        var run = GeneratorHarness.Run(good, broken);

        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "CMG001");
        Assert.Contains(run.Sources, s => s.HintName == "clerk-user.User.g.cs");
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8784" or "CS8785");
    }

    [Fact]
    public void Member_named_like_its_type_is_renamed_and_reported()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.BundledSpec());
        var infos = run.Result.Diagnostics.Where(d => d.Id == "CMG006").Select(d => d.GetMessage()).ToList();

        Assert.Contains(infos, m => m.Contains("'email_address'") && m.Contains("'EmailAddressValue'"));
    }

    [Fact]
    public void Unsupported_version_is_reported_at_the_version()
    {
        var run = GeneratorHarness.Run(new SpecFile("/specs/future.yaml", "openapi: 4.0.0\ninfo: {title: F, version: '1'}\npaths: {}\n"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("CMG003", diagnostic.Id);
        Assert.Contains("'4.0.0'", diagnostic.GetMessage());
        Assert.Equal(0, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void Two_specs_with_one_file_name_both_generate()
    {
        var spec = "openapi: 3.0.3\ninfo: {title: P, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Pet: {type: object, properties: {name: {type: string}}}\n";

        var run = GeneratorHarness.Run(new SpecFile("/a/pets.yaml", spec, "Shop.A"), new SpecFile("/b/pets.yaml", spec, "Shop.B"));

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8784" or "CS8785");
        Assert.Contains("namespace Shop.A", run.Source("pets.Shop.A.Pet.g.cs"));
        Assert.Contains("namespace Shop.B", run.Source("pets.Shop.B.Pet.g.cs"));
        Assert.Empty(run.CompilationProblems);
    }
}
