using System.Linq;
using Clerk.Models.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Clerk.Models.Generator.Tests;

/// <summary>Several specs in one project: each in its own namespace, and $refs from one into another.</summary>
public sealed class MultipleSpecTests
{
    private static readonly SpecFile Customers = new("/api/shared/customers.yaml", """
        openapi: 3.0.3
        info: {title: Customers, version: '1'}
        paths: {}
        components:
          schemas:
            Customer:
              type: object
              required: [id]
              properties:
                id: {type: string}
                tier: {type: string, enum: [free, pro]}
        """, "Shop.Customers");

    private static readonly SpecFile Orders = new("/api/orders.yaml", """
        openapi: 3.0.3
        info: {title: Orders, version: '1'}
        paths: {}
        components:
          schemas:
            Order:
              type: object
              properties:
                customer: {$ref: 'shared/customers.yaml#/components/schemas/Customer'}
                tier: {$ref: './shared/customers.yaml#/components/schemas/CustomerTier'}
                Customer: {type: string}
        """, "Shop.Orders");

    [Fact]
    public void A_ref_into_another_spec_uses_that_specs_type()
    {
        var run = GeneratorHarness.Run(Customers, Orders);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.DefaultSeverity >= DiagnosticSeverity.Warning));
        var order = run.Source("orders.Order.g.cs");
        Assert.Contains("public global::Shop.Customers.Customer? Customer", order);
        Assert.Contains("global::Shop.Customers.CustomerTier? Tier", order);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void A_ref_into_a_file_that_is_not_a_spec_of_the_project_is_a_located_error()
    {
        var run = GeneratorHarness.Run(Orders);

        var errors = run.GeneratorDiagnostics.Where(d => d.Id == "CMG012").ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal("/api/orders.yaml", e.Location.GetLineSpan().Path));
        Assert.Equal(8, errors[0].Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("RawJson? Customer", run.Source("orders.Order.g.cs"));
    }

    [Fact]
    public void Two_specs_with_the_same_schema_names_live_side_by_side_in_their_namespaces()
    {
        var first = new SpecFile("/a/pets.yaml", "openapi: 3.0.3\ninfo: {title: A, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Pet: {type: object, properties: {name: {type: string}}}\n");
        var second = new SpecFile("/b/pets-v2.yaml", "openapi: 3.1.0\ninfo: {title: B, version: '2'}\npaths: {}\ncomponents:\n  schemas:\n    Pet: {type: object, properties: {name: {type: [string, 'null']}}}\n");

        var run = GeneratorHarness.Run(first, second);

        Assert.Contains("namespace Consumer.Pets", run.Source("pets.Pet.g.cs"));
        Assert.Contains("namespace Consumer.PetsV2", run.Source("pets-v2.Pet.g.cs"));
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void Two_specs_whose_file_names_differ_only_in_case_get_files_of_their_own()
    {
        const string Spec = "openapi: 3.0.3\ninfo: {title: A, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Pet: {type: object, properties: {name: {type: string}}}\n";
        var lower = new SpecFile("/a/pets.yaml", Spec, "Zoo.A");
        var upper = new SpecFile("/b/Pets.yaml", Spec, "Zoo.B");

        var run = GeneratorHarness.Run(lower, upper);

        // Hint names are compared ignoring case, as file names are on Windows and macOS.
        Assert.DoesNotContain(run.Result.Diagnostics, d => d.Id == "CMG010");
        Assert.Contains("namespace Zoo.A", run.Source("pets.Zoo.A.Pet.g.cs"));
        Assert.Contains("namespace Zoo.B", run.Source("Pets.Zoo.B.Pet.g.cs"));
        Assert.Empty(run.CompilationProblems);
    }
}
