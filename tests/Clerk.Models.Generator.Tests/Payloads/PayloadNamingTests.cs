using System;
using System.Collections.Generic;
using System.Linq;
using Clerk.Models.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Clerk.Models.Generator.Tests.Payloads;

/// <summary>How payload types are named, what a name collision does, and what Include and Exclude of an operation or webhook generate.</summary>
public sealed class PayloadNamingTests
{
    /// <summary>Operations that send and receive a user, a component that already holds one payload's name, and two webhooks.</summary>
    private const string Shop = """
        openapi: 3.0.3
        info: {title: Shop, version: '1'}
        paths:
          /users:
            post:
              operationId: CreateUser
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      required: [email]
                      properties:
                        email: {type: string}
                        address: {$ref: '#/components/schemas/Address'}
              responses:
                '200':
                  description: The user.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/User'}
          /users/{id}:
            get:
              operationId: GetUser
              responses:
                '200':
                  description: The user.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/User'}
            patch:
              operationId: UpdateUser
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        email: {type: string}
              responses:
                '204': {description: Updated.}
        x-webhooks:
          user.created:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      required: [type, data]
                      properties:
                        type: {type: string, enum: [user.created]}
                        data: {$ref: '#/components/schemas/User'}
          order.paid:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      required: [type, data]
                      properties:
                        type: {type: string, enum: [order.paid]}
                        data: {$ref: '#/components/schemas/Order'}
        components:
          schemas:
            User:
              type: object
              properties:
                id: {type: string}
            Address:
              type: object
              properties:
                city: {type: string}
            Order:
              type: object
              properties:
                total: {type: integer}
            UpdateUserRequest:
              type: object
              description: A component that happens to hold the payload's name.
              properties:
                note: {type: string}
        """;

    [Fact]
    public void Payloads_are_named_from_their_operation_and_webhook_and_a_component_keeps_its_name()
    {
        var run = Run(Shop);

        Assert.Equal(
            new[] { "Address", "CreateUserRequest", "Order", "OrderPaidEvent", "ShopJson", "UpdateUserRequest", "UpdateUserRequest2", "User", "UserCreatedEvent", "WebhookEvent" },
            ModelFiles(run));
        Assert.Contains("/// <summary>A component that happens to hold the payload's name.</summary>", run.Source("shop.UpdateUserRequest.g.cs"), StringComparison.Ordinal);
        Assert.Contains("/// <summary>The JSON body of a request to PATCH /users/{id}.</summary>", run.Source("shop.UpdateUserRequest2.g.cs"), StringComparison.Ordinal);

        // The rename is reported, as an info, at the body's schema.
        var rename = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CMG006");
        Assert.Equal(DiagnosticSeverity.Info, rename.DefaultSeverity);
        Assert.Contains("'UpdateUserRequest2'", rename.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(Shop.Split('\n').ToList().FindIndex(l => l.Contains("operationId: UpdateUser", StringComparison.Ordinal)) + 4, rename.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void Adding_an_operation_renames_nothing()
    {
        var before = Run(Shop);
        var added = Shop.Replace("""
              /users/{id}:
            """, """
              /users/{id}/ban:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema: {type: object, properties: {reason: {type: string}}}
                  responses:
                    '200':
                      description: Banned.
                      content:
                        application/json:
                          schema: {type: object, properties: {banned: {type: boolean}}}
              /users/{id}:
            """, StringComparison.Ordinal);
        var after = Run(added);

        Assert.Equal(new[] { "PostUsersIdBanRequest", "PostUsersIdBanResponse" }, ModelFiles(after).Except(ModelFiles(before)));
        foreach (var file in ModelFiles(before).Where(f => f != "ShopJson"))
        {
            Assert.Equal(before.Source("shop." + file + ".g.cs"), after.Source("shop." + file + ".g.cs"));
        }
    }

    [Fact]
    public void Include_of_an_operation_generates_its_bodies_and_what_they_refer_to()
    {
        // CreateUser's inline body refers to Address; its response is the User component.
        Assert.Equal(new[] { "Address", "CreateUserRequest", "ShopJson", "User" }, ModelFiles(Run(Shop, new() { ["Include"] = "CreateUser" })));

        // An operation with no inline body is still a name Include knows.
        var getUser = Run(Shop, new() { ["Include"] = "GetUser" });
        Assert.Equal(new[] { "ShopJson", "User" }, ModelFiles(getUser));
        Assert.DoesNotContain(getUser.GeneratorDiagnostics, d => d.Id == "CMG014");
    }

    [Fact]
    public void Include_of_a_webhook_generates_its_event_and_a_WebhookEvent_of_the_webhooks_included()
    {
        var run = Run(Shop, new() { ["Include"] = "order.*" });

        Assert.Equal(new[] { "Order", "OrderPaidEvent", "ShopJson", "WebhookEvent" }, ModelFiles(run));
        var union = run.Source("shop.WebhookEvent.g.cs");
        Assert.Contains("public sealed partial record OrderPaid(", union, StringComparison.Ordinal);
        Assert.DoesNotContain("UserCreated", union, StringComparison.Ordinal);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void Exclude_of_operations_and_webhooks_leaves_their_payloads_out()
    {
        var run = Run(Shop, new() { ["Exclude"] = "CreateUser,UpdateUser,user.created,UpdateUserRequest" });

        Assert.Equal(new[] { "Address", "Order", "OrderPaidEvent", "ShopJson", "User", "WebhookEvent" }, ModelFiles(run));
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.DefaultSeverity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void A_misspelt_operation_id_is_CMG014_with_the_name_it_would_match()
    {
        var run = Run(Shop, new() { ["Include"] = "createUser" });

        var warning = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CMG014");
        Assert.Contains("'createUser' in Include (ClerkModelsInclude) matches nothing in this spec (did you mean 'CreateUser'?)", warning.GetMessage(), StringComparison.Ordinal);
    }

    private static GeneratorRun Run(string text, Dictionary<string, string>? metadata = null)
        => GeneratorHarness.Run(new SpecFile("/specs/shop.yaml", text, "Shop", metadata));

    private static string[] ModelFiles(GeneratorRun run)
        => run.Sources.Select(s => s.HintName["shop.".Length..^".g.cs".Length]).OrderBy(h => h, StringComparer.Ordinal).ToArray();
}
