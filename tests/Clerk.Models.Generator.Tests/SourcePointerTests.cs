using System.Linq;
using Clerk.Models.Generator.Tests.Infrastructure;
using Xunit;

namespace Clerk.Models.Generator.Tests;

/// <summary>Every generated type's docs say where in the spec it comes from: the file and a JSON pointer.</summary>
public sealed class SourcePointerTests
{
    [Fact]
    public void Components_and_their_inline_types_name_their_schema()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.BundledSpec());

        Assert.Contains("/// <remarks>From <c>clerk-user.yaml#/components/schemas/User</c>.</remarks>", run.Source("clerk-user.User.g.cs"));
        var otp = run.Source("clerk-user.OTP.g.cs");
        Assert.Contains("/// <remarks>From <c>clerk-user.yaml#/components/schemas/OTP/properties/status</c>.</remarks>\n"
            + "    [global::System.CodeDom.Compiler.GeneratedCode", otp);
        Assert.Contains("/// <remarks>From <c>clerk-user.yaml#/components/schemas/EmailAddress/properties/verification</c>.</remarks>", run.Source("clerk-user.EmailAddress.g.cs"));
    }

    [Fact]
    public void Pointers_escape_slashes_and_tildes_and_the_docs_escape_xml()
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths: {}
            components:
              schemas:
                'a/b~c&d':
                  type: object
                  properties:
                    items:
                      type: array
                      items:
                        type: object
                        properties:
                          kind: { type: string, enum: [x, y] }
            """;

        var run = GeneratorHarness.Run(new SpecFile("/specs/odd.yaml", Spec, "Odd.Models"));
        var text = string.Concat(run.Sources.Select(s => s.SourceText.ToString()));

        Assert.Contains("<remarks>From <c>odd.yaml#/components/schemas/a~1b~0c&amp;d</c>.</remarks>", text);
        Assert.Contains("<remarks>From <c>odd.yaml#/components/schemas/a~1b~0c&amp;d/properties/items/items</c>.</remarks>", text);
        Assert.Contains("<remarks>From <c>odd.yaml#/components/schemas/a~1b~0c&amp;d/properties/items/items/properties/kind</c>.</remarks>", text);
        Assert.Empty(run.CompilationProblems);
    }
}
