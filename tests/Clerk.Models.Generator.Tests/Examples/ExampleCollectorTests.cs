using System.Linq;
using Clerk.Models.Generator.Tests.Robustness.Infrastructure;
using Xunit;

namespace Clerk.Models.Generator.Tests.Examples;

/// <summary>Which values of a spec are its examples, and what each is an example of.</summary>
public sealed class ExampleCollectorTests
{
    private const string Spec = """
        openapi: 3.1.0
        info: { title: t, version: '1' }
        paths:
          /pets/{id}:
            parameters:
              - { name: id, in: path, required: true, schema: { type: string }, example: p_1 }
            post:
              requestBody:
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/Pet' }
                    examples:
                      named: { $ref: '#/components/examples/Rex' }
                      inline: { value: { name: Tom } }
                      elsewhere: { externalValue: 'https://example.com/pet.json' }
                      broken: { $ref: '#/components/examples/Missing' }
                  text/plain:
                    schema: { type: string }
                    example: a pet
              responses:
                '200':
                  description: ok
                  headers:
                    X-Rate: { schema: { type: integer }, example: 5 }
                  content:
                    application/json:
                      example: { name: Rex }
        webhooks:
          pet.born:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        example: { type: string, example: not-a-keyword }
                      example: { example: a member named example }
        components:
          schemas:
            Pet:
              type: object
              properties:
                name: { type: string, examples: [Rex, Tom] }
                tags:
                  type: array
                  items: { type: object, properties: { label: { type: string } }, example: { label: x } }
              default: { example: not an example }
              x-example: { example: not an example either }
              example: { name: Rex }
            example:
              type: string
          examples:
            Rex: { value: { name: Rex } }
            Unused: { value: 1 }
        """;

    [Fact]
    public void Examples_are_found_by_the_documents_structure_with_their_schema()
    {
        var examples = ExampleCollector.Collect(YamlTree.Parse(Spec));

        Assert.Equal(
            new[]
            {
                "/paths/~1pets~1{id}/parameters/0/example @ /paths/~1pets~1{id}/parameters/0/schema",
                "/paths/~1pets~1{id}/post/requestBody/content/application~1json/examples/named @ /paths/~1pets~1{id}/post/requestBody/content/application~1json/schema",
                "/paths/~1pets~1{id}/post/requestBody/content/application~1json/examples/inline @ /paths/~1pets~1{id}/post/requestBody/content/application~1json/schema",
                "/paths/~1pets~1{id}/post/requestBody/content/application~1json/examples/elsewhere @ /paths/~1pets~1{id}/post/requestBody/content/application~1json/schema",
                "/paths/~1pets~1{id}/post/requestBody/content/application~1json/examples/broken @ /paths/~1pets~1{id}/post/requestBody/content/application~1json/schema",
                "/paths/~1pets~1{id}/post/requestBody/content/text~1plain/example @ /paths/~1pets~1{id}/post/requestBody/content/text~1plain/schema",
                "/paths/~1pets~1{id}/post/responses/200/content/application~1json/example @ ",
                "/paths/~1pets~1{id}/post/responses/200/headers/X-Rate/example @ /paths/~1pets~1{id}/post/responses/200/headers/X-Rate/schema",
                "/webhooks/pet.born/post/requestBody/content/application~1json/schema/example @ /webhooks/pet.born/post/requestBody/content/application~1json/schema",
                "/webhooks/pet.born/post/requestBody/content/application~1json/schema/properties/example/example @ /webhooks/pet.born/post/requestBody/content/application~1json/schema/properties/example",
                "/components/schemas/Pet/example @ /components/schemas/Pet",
                "/components/schemas/Pet/properties/name/examples/0 @ /components/schemas/Pet/properties/name",
                "/components/schemas/Pet/properties/name/examples/1 @ /components/schemas/Pet/properties/name",
                "/components/schemas/Pet/properties/tags/items/example @ /components/schemas/Pet/properties/tags/items",
                "/components/examples/Unused @ ",
            },
            examples.Select(e => e.Pointer + " @ " + e.SchemaPointer));
    }

    [Fact]
    public void Example_objects_are_read_where_they_are_and_unreadable_ones_say_why()
    {
        var examples = ExampleCollector.Collect(YamlTree.Parse(Spec))
            .Where(e => e.Pointer.Contains("/examples/", System.StringComparison.Ordinal))
            .ToDictionary(e => e.Pointer.Split('/').Last());

        Assert.Equal("/components/examples/Rex/value", examples["named"].ValuePointer);
        Assert.Equal("application/json", examples["named"].MediaType);
        Assert.Equal("{\n  \"name\": \"Tom\"\n}\n", YamlTree.ToJson(examples["inline"].Value!));
        Assert.Contains("externalValue 'https://example.com/pet.json'", examples["elsewhere"].Unreadable);
        Assert.Contains("names no Example Object", examples["broken"].Unreadable);
        Assert.Equal(ExampleOwner.Component, examples["Unused"].Owner);
    }
}
