using System.Collections.Generic;
using System.Linq;
using Clerk.Models.Generator.Naming;
using Clerk.Models.Generator.Read.OpenApi;
using Microsoft.OpenApi;

namespace Clerk.Models.Generator.Read.Payloads;

/// <summary>Where a payload's schema is written.</summary>
internal enum PayloadKind
{
    RequestBody,
    Response,
    ComponentRequestBody,
    ComponentResponse,
    Webhook,
}

/// <summary>
/// An inline JSON body that gets a type of its own, named from where it is used.
/// </summary>
/// <param name="DesiredName">The type name before collisions: <c>{OperationId}Request</c>, <c>{OperationId}Response</c>, <c>{Component}</c>, <c>{Webhook}Event</c>.</param>
/// <param name="Pointer">The schema's JSON pointer.</param>
/// <param name="SubsetName">What <c>Include</c> and <c>Exclude</c> name it by: the operation id, the component's or the webhook's name; null when it has none.</param>
/// <param name="Description">The type's summary when its schema has no description.</param>
internal sealed record PayloadRoot(PayloadKind Kind, string DesiredName, string Pointer, IOpenApiSchema Schema, string? SubsetName, string Description);

/// <summary>A webhook, for the <c>WebhookEvent</c> union: its body is an inline root, a <c>$ref</c>, or a component request body.</summary>
/// <param name="Root">The root of its inline body, or null.</param>
internal sealed record WebhookEntry(string Name, PayloadRoot? Root, OpenApiSchemaReference? SchemaReference, string? RequestBodyReference);

/// <summary>
/// Every JSON body of a spec outside <c>components/schemas</c> whose schema is written inline, with the
/// name its type gets, in spec order: each operation's request bodies and responses, then
/// <c>components/requestBodies</c> and <c>components/responses</c>, then the webhooks. Names come from
/// where a body is used, never from counters, so adding an endpoint renames nothing else.
/// </summary>
internal sealed class PayloadRoots
{
    private PayloadRoots(List<PayloadRoot> roots, List<(string, IReadOnlyList<IOpenApiSchema>)> operations, List<WebhookEntry> webhooks, string? webhooksPointer)
    {
        Roots = roots;
        Operations = operations;
        Webhooks = webhooks;
        WebhooksPointer = webhooksPointer;
    }

    public IReadOnlyList<PayloadRoot> Roots { get; }

    /// <summary>Every operation with an <c>operationId</c>, with the <c>$ref</c>'d schemas of its bodies, for <c>Include</c>.</summary>
    public IReadOnlyList<(string OperationId, IReadOnlyList<IOpenApiSchema> References)> Operations { get; }

    public IReadOnlyList<WebhookEntry> Webhooks { get; }

    /// <summary><c>/webhooks</c> or <c>/x-webhooks</c>; null when the spec has no webhooks.</summary>
    public string? WebhooksPointer { get; }

    public static PayloadRoots Find(OpenApiAdapter adapter)
    {
        var roots = new List<PayloadRoot>();
        var operations = new List<(string, IReadOnlyList<IOpenApiSchema>)>();
        foreach (var operation in adapter.Operations())
        {
            if (operation.OperationId is not null)
            {
                operations.Add((operation.OperationId, operation.References));
            }

            var name = NameMangler.ToPascalCase(operation.OperationId ?? operation.Method + " " + operation.Path, "Operation");
            var where = operation.Method.ToUpperInvariant() + " " + operation.Path;
            var summary = operation.Summary is null ? "." : ": " + operation.Summary.TrimEnd('.') + ".";
            foreach (var body in operation.Request)
            {
                roots.Add(new PayloadRoot(PayloadKind.RequestBody, name + "Request", body.Pointer, body.Schema, operation.OperationId, "The JSON body of a request to " + where + summary));
            }

            // One inline response schema is the operation's Response; several are told apart by status.
            var responses = operation.Responses.SelectMany(r => r.Bodies.Select(b => (r.Status, Body: b))).ToList();
            foreach (var (status, body) in responses)
            {
                var statusPart = responses.Count == 1 ? string.Empty : status == "default" ? "Default" : NameMangler.ToPascalCase(status, "Status").TrimStart('_');
                roots.Add(new PayloadRoot(PayloadKind.Response, name + statusPart + "Response", body.Pointer, body.Schema, operation.OperationId, "The JSON body of the " + status + " response to " + where + summary));
            }
        }

        foreach (var (component, bodies) in adapter.ComponentRequestBodies())
        {
            roots.AddRange(bodies.Select(b => new PayloadRoot(PayloadKind.ComponentRequestBody, NameMangler.ToPascalCase(component, "RequestBody"), b.Pointer, b.Schema, component, "The JSON body of the request body '" + component + "'.")));
        }

        foreach (var (component, bodies) in adapter.ComponentResponses())
        {
            roots.AddRange(bodies.Select(b => new PayloadRoot(PayloadKind.ComponentResponse, NameMangler.ToPascalCase(component, "Response"), b.Pointer, b.Schema, component, "The JSON body of the response '" + component + "'.")));
        }

        var webhooks = new List<WebhookEntry>();
        foreach (var webhook in adapter.Webhooks())
        {
            PayloadRoot? first = null;
            foreach (var body in webhook.Request)
            {
                var root = new PayloadRoot(PayloadKind.Webhook, NameMangler.ToPascalCase(webhook.Name, "Webhook") + "Event", body.Pointer, body.Schema, webhook.Name,
                    "The body of the webhook '" + webhook.Name + "'" + (webhook.Description is null ? "." : ": " + webhook.Description.TrimEnd('.') + "."));
                roots.Add(root);
                first ??= root;
            }

            webhooks.Add(new WebhookEntry(webhook.Name, first, webhook.SchemaReference, webhook.RequestBodyReference));
        }

        return new PayloadRoots(roots, operations, webhooks, adapter.WebhooksPointer);
    }
}
