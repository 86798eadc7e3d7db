using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using Clerk.Models.Generator.Tests.Infrastructure;
using Clerk.Models.Generator.Tests.Robustness.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Xunit;

namespace Clerk.Models.Generator.Tests.Payloads;

/// <summary>Clerk's full Backend API spec (2025-03-12, kept with the benchmarks): the operations' bodies a user sends and receives.</summary>
public sealed class ClerkOperationPayloadTests
{
    private static readonly string SpecText = File.ReadAllText(GeneratorHarness.RepoFile("benchmarks", "Clerk.Models.Benchmarks", "Inputs", "bapi-2025-03-12.yml"));

    /// <summary>A consumer that builds the body of POST /users as a user would, and writes it through the spec's resolver.</summary>
    private const string Consumer = """
        /// <summary>The body of POST /users.</summary>
        public static class CreateUserBody
        {
            /// <summary>Builds it and writes it.</summary>
            public static string Write()
            {
                var request = new Clerk.Full.CreateUserRequest
                {
                    EmailAddress = new[] { "ada@example.com" },
                    FirstName = "Ada",
                    LastName = null,
                    Password = "correct horse battery staple",
                    SkipPasswordChecks = true,
                    PublicMetadata = Clerk.Models.Runtime.RawJson.Parse("{\"plan\":\"pro\"}"),
                };
                return System.Text.Json.JsonSerializer.Serialize(request, Clerk.Full.ClerkJson.Default.CreateUserRequest);
            }
        }
        """;

    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorHarness.Run(new[] { new SpecFile("/specs/clerk.yaml", SpecText, "Clerk.Full") }, Consumer));

    [Fact]
    public void Every_inline_JSON_request_body_gets_a_type_that_names_where_it_is_in_the_spec()
    {
        var bodies = InlineRequestBodies();

        // 55 operations send an inline body: 53 as JSON, and two file uploads as multipart/form-data, which no JSON type reads.
        Assert.Equal(55, bodies.Select(b => b.Operation).Distinct().Count());
        Assert.Equal(new[] { "multipart/form-data" }, bodies.Where(b => !b.Json).Select(b => b.MediaType).Distinct());
        Assert.Equal(2, bodies.Count(b => !b.Json));

        var generated = Run.Value.Sources.Select(s => s.SourceText.ToString()).ToList();
        foreach (var body in bodies.Where(b => b.Json))
        {
            // An array body needs no wrapper: the user reads a ValueList of its item type, named from the body.
            var pointer = body.IsArray ? body.Pointer + "/items" : body.Pointer;
            var name = Pascal(body.OperationId) + (body.IsArray ? "RequestItem" : "Request");
            var sources = generated.Where(s => s.Contains("partial record " + name + "\n", StringComparison.Ordinal)).ToList();
            Assert.True(sources.Count == 1, name + " for " + body.Operation + ": " + sources.Count + " declarations");
            var source = sources[0];
            Assert.Contains("<remarks>From <c>clerk.yaml#" + pointer + "</c>.</remarks>", source, StringComparison.Ordinal);
        }

        Assert.Empty(Run.Value.GeneratorDiagnostics.Where(d => d.DefaultSeverity >= DiagnosticSeverity.Warning));
        Assert.Empty(Run.Value.CompilationProblems);
    }

    [Fact]
    public void CreateUserRequest_is_built_with_an_object_initializer_and_written_as_POST_users_expects()
    {
        using var models = new LoadedModels(Run.Value);
        var json = (string)models.Assembly.GetType("CreateUserBody")!.GetMethod("Write", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null)!;

        // The members set, in the spec's order, null where null was set, nothing for what was not.
        Assert.Equal(
            """{"first_name":"Ada","last_name":null,"email_address":["ada@example.com"],"password":"correct horse battery staple","skip_password_checks":true,"public_metadata":{"plan":"pro"}}""",
            json);
    }

    [Fact]
    public void Inline_responses_are_named_by_operation_and_status_and_component_responses_by_their_name()
    {
        var document = Document();
        var operationResponses = new List<(string? Name, string Pointer)>();
        foreach (var path in document.Paths)
        {
            foreach (var (method, operation) in path.Value.Operations!)
            {
                var inline = operation.Responses!.Where(r => InlineJsonSchema(r.Value) is not null).ToList();
                foreach (var response in inline)
                {
                    // One inline response is the operation's Response; several are told apart by status.
                    var status = inline.Count == 1 ? string.Empty : response.Key == "default" ? "Default" : response.Key;
                    operationResponses.Add((TypeNameFor(InlineJsonSchema(response.Value)!, Pascal(operation.OperationId!) + status + "Response"), OperationPointer(path.Key, method) + "/responses/" + response.Key + "/content/application~1json/schema"));
                }
            }
        }

        var componentResponses = document.Components!.Responses!
            .Where(r => InlineJsonSchema(r.Value) is not null)
            .Select(r => (Name: TypeNameFor(InlineJsonSchema(r.Value)!, r.Key.Replace(".", string.Empty, StringComparison.Ordinal)), Pointer: "/components/responses/" + r.Key + "/content/application~1json/schema"))
            .ToList();

        // 8 inline operation responses: 7 records and PreviewTemplate's free-form object, read as RawJson. 11
        // component responses: 8 lists of a component (read as ValueList<Client> and so on), 2 records and an allOf.
        Assert.Equal((8, 7), (operationResponses.Count, operationResponses.Count(r => r.Name is not null)));
        Assert.Equal((11, 3), (componentResponses.Count, componentResponses.Count(r => r.Name is not null)));
        foreach (var (name, pointer) in operationResponses.Concat(componentResponses))
        {
            var remarks = "<remarks>From <c>clerk.yaml#" + pointer + "</c>.</remarks>";
            var declaring = Run.Value.Sources.Where(s => s.SourceText.ToString().Contains(remarks, StringComparison.Ordinal)).Select(s => s.HintName).ToList();
            Assert.Equal(name is null ? Array.Empty<string>() : new[] { "clerk." + name + ".g.cs" }, declaring);
        }
    }

    /// <summary>The type a body gets: a record for an object with members or an allOf, none for a list of components or a free-form object.</summary>
    private static string? TypeNameFor(IOpenApiSchema schema, string name)
        => schema.Properties is { Count: > 0 } || schema.AllOf is { Count: > 0 } ? name : null;

    private static IOpenApiSchema? InlineJsonSchema(IOpenApiResponse response)
        => response is not OpenApiResponseReference && response.Content?.TryGetValue("application/json", out var media) == true && media.Schema is not (null or OpenApiSchemaReference)
            ? media.Schema
            : null;

    private static OpenApiDocument Document()
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        return OpenApiDocument.Parse(SpecText, "yaml", settings).Document!;
    }

    private static string Pascal(string operationId) => char.ToUpperInvariant(operationId[0]) + operationId.Substring(1);

    private static string OperationPointer(string path, HttpMethod method) => "/paths/" + path.Replace("~", "~0").Replace("/", "~1") + "/" + method.Method.ToLowerInvariant();

    private static List<(string Operation, string OperationId, string Pointer, string MediaType, bool Json, bool IsArray)> InlineRequestBodies()
    {
        var document = Document();
        var bodies = new List<(string, string, string, string, bool, bool)>();
        foreach (var path in document.Paths)
        {
            foreach (var (method, operation) in path.Value.Operations!)
            {
                if (operation.RequestBody is null or OpenApiRequestBodyReference)
                {
                    continue;
                }

                foreach (var (mediaType, content) in operation.RequestBody.Content!)
                {
                    if (content.Schema is null or OpenApiSchemaReference)
                    {
                        continue;
                    }

                    var pointer = OperationPointer(path.Key, method) + "/requestBody/content/" + mediaType.Replace("/", "~1") + "/schema";
                    bodies.Add((method.Method + " " + path.Key, operation.OperationId!, pointer, mediaType, mediaType.EndsWith("json", StringComparison.Ordinal), content.Schema.Type == JsonSchemaType.Array));
                }
            }
        }

        return bodies;
    }
}
