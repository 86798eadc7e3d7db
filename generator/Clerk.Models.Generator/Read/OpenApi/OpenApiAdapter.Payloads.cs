using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Clerk.Models.Generator.Read.Text;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Clerk.Models.Generator.Read.OpenApi;

/// <summary>A JSON body the spec describes outside <c>components/schemas</c>, and where its schema is written.</summary>
/// <param name="Pointer">The schema's JSON pointer in the spec text.</param>
/// <param name="MediaType">The body's media type, as the spec writes it.</param>
internal sealed record PayloadBody(string Pointer, string MediaType, IOpenApiSchema Schema);

/// <summary>An operation's request body and responses, with what names them.</summary>
/// <param name="OperationId">The spec's <c>operationId</c>, or null.</param>
/// <param name="Method">The HTTP method, lower case (<c>post</c>).</param>
/// <param name="RequestBodyReference">The component a <c>$ref</c>'d request body names, or null.</param>
/// <param name="Responses">Each response's status key (<c>200</c>, <c>4XX</c>, <c>default</c>) and its inline JSON bodies.</param>
/// <param name="References">The bodies that are a bare <c>$ref</c>, also through a <c>$ref</c>'d request body or response: what <c>Include</c> of the operation generates besides its inline bodies.</param>
internal sealed record OperationPayloads(
    string? OperationId,
    string? Summary,
    string Path,
    string Method,
    IReadOnlyList<PayloadBody> Request,
    string? RequestBodyReference,
    IReadOnlyList<(string Status, IReadOnlyList<PayloadBody> Bodies)> Responses,
    IReadOnlyList<IOpenApiSchema> References);

/// <summary>A webhook (OpenAPI 3.1 <c>webhooks</c>, or the <c>x-webhooks</c> extension) and the bodies it is sent with.</summary>
/// <param name="Request">Its inline JSON bodies.</param>
/// <param name="SchemaReference">The body's schema when it is a bare <c>$ref</c> (the first JSON media type's), or null.</param>
/// <param name="RequestBodyReference">The component a <c>$ref</c>'d request body names, or null.</param>
internal sealed record WebhookPayloads(string Name, string Pointer, string? Description, IReadOnlyList<PayloadBody> Request, OpenApiSchemaReference? SchemaReference, string? RequestBodyReference);

internal sealed partial class OpenApiAdapter
{
    /// <summary>Where the spec's webhooks are: <c>/webhooks</c> (3.1) or <c>/x-webhooks</c>; null when it has none.</summary>
    public string? WebhooksPointer => _locator.Has("/webhooks") ? "/webhooks" : _locator.Has("/x-webhooks") ? "/x-webhooks" : null;

    /// <summary>Every operation, in spec order: paths as written, and each path's methods as written.</summary>
    public List<OperationPayloads> Operations()
    {
        var operations = new List<OperationPayloads>();
        foreach (var path in _document.Paths ?? new OpenApiPaths())
        {
            var pathPointer = "/paths/" + SpecLocator.Escape(path.Key);
            foreach (var (method, operation) in OperationsOf(path.Value, pathPointer))
            {
                var pointer = pathPointer + "/" + method;
                operations.Add(new OperationPayloads(
                    string.IsNullOrWhiteSpace(operation.OperationId) ? null : operation.OperationId,
                    string.IsNullOrWhiteSpace(operation.Summary) ? null : operation.Summary!.Trim(),
                    path.Key,
                    method,
                    RequestBodies(operation.RequestBody, pointer),
                    (operation.RequestBody as OpenApiRequestBodyReference)?.Reference?.Id,
                    ResponseBodies(operation.Responses, pointer),
                    ReferencedBodies(operation)));
            }
        }

        return operations;
    }

    /// <summary>The inline JSON bodies of <c>components/requestBodies</c>, by component name, in spec order.</summary>
    public List<(string Name, IReadOnlyList<PayloadBody> Bodies)> ComponentRequestBodies()
        => (_document.Components?.RequestBodies ?? new Dictionary<string, IOpenApiRequestBody>())
            .Where(pair => pair.Value is not OpenApiRequestBodyReference)
            .Select(pair => (pair.Key, (IReadOnlyList<PayloadBody>)Bodies(pair.Value?.Content, "/components/requestBodies/" + SpecLocator.Escape(pair.Key))))
            .ToList();

    /// <summary>The inline JSON bodies of <c>components/responses</c>, by component name, in spec order.</summary>
    public List<(string Name, IReadOnlyList<PayloadBody> Bodies)> ComponentResponses()
        => (_document.Components?.Responses ?? new Dictionary<string, IOpenApiResponse>())
            .Where(pair => pair.Value is not OpenApiResponseReference)
            .Select(pair => (pair.Key, (IReadOnlyList<PayloadBody>)Bodies(pair.Value?.Content, "/components/responses/" + SpecLocator.Escape(pair.Key))))
            .ToList();

    /// <summary>
    /// The webhooks in spec order, each with the request bodies of its operations. OpenAPI 3.0 has no
    /// webhooks, so the library keeps <c>x-webhooks</c> as raw JSON: each entry is read here as a path
    /// item of the document, so that its <c>$ref</c>s resolve to the document's components.
    /// </summary>
    public List<WebhookPayloads> Webhooks()
    {
        var webhooks = new List<WebhookPayloads>();
        if (_document.Webhooks is { Count: > 0 } declared)
        {
            foreach (var pair in declared)
            {
                webhooks.AddRange(WebhookOperations(pair.Key, pair.Value, "/webhooks/" + SpecLocator.Escape(pair.Key)));
            }
        }
        else if ((_document.Extensions?.TryGetValue("x-webhooks", out var extension) ?? false) && extension is JsonNodeExtension { Node: JsonObject entries })
        {
            var version = _locator.ScalarAt("/openapi") is { } text && text.StartsWith("3.1", StringComparison.Ordinal) ? OpenApiSpecVersion.OpenApi3_1 : OpenApiSpecVersion.OpenApi3_0;
            foreach (var entry in entries)
            {
                if (entry.Value is not JsonObject)
                {
                    continue;
                }

                var item = new OpenApiJsonReader().ReadFragment<OpenApiPathItem>(entry.Value.DeepClone(), version, _document, out _);
                if (item is not null)
                {
                    webhooks.AddRange(WebhookOperations(entry.Key, item, "/x-webhooks/" + SpecLocator.Escape(entry.Key)));
                }
            }
        }

        return webhooks;
    }

    /// <summary>Whether a media type carries JSON: <c>application/json</c> and any <c>*/*+json</c>, parameters aside.</summary>
    public static bool IsJson(string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim();
        var slash = type.IndexOf('/');
        var subtype = slash < 0 ? string.Empty : type.Substring(slash + 1);
        return subtype.Equals("json", StringComparison.OrdinalIgnoreCase) || subtype.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    private IEnumerable<WebhookPayloads> WebhookOperations(string name, IOpenApiPathItem item, string pointer)
        => OperationsOf(item, pointer).Select(o => new WebhookPayloads(
            name,
            pointer + "/" + o.Method,
            string.IsNullOrWhiteSpace(o.Operation.Summary) ? (string.IsNullOrWhiteSpace(o.Operation.Description) ? null : o.Operation.Description!.Trim()) : o.Operation.Summary!.Trim(),
            RequestBodies(o.Operation.RequestBody, pointer + "/" + o.Method),
            o.Operation.RequestBody is OpenApiRequestBodyReference ? null : o.Operation.RequestBody?.Content?
                .Where(pair => IsJson(pair.Key)).Select(pair => pair.Value?.Schema).FirstOrDefault() as OpenApiSchemaReference,
            (o.Operation.RequestBody as OpenApiRequestBodyReference)?.Reference?.Id));

    /// <summary>A path item's operations in the order the spec writes them (the library's dictionary is keyed by method).</summary>
    private IEnumerable<(string Method, OpenApiOperation Operation)> OperationsOf(IOpenApiPathItem? item, string pointer)
    {
        if (item?.Operations is not { Count: > 0 } operations)
        {
            return Enumerable.Empty<(string, OpenApiOperation)>();
        }

        return operations
            .Select(pair => (Method: pair.Key.Method.ToLowerInvariant(), Operation: pair.Value))
            .OrderBy(o => _locator.Has(pointer + "/" + o.Method) ? _locator.Locate(pointer + "/" + o.Method).Start : int.MaxValue)
            .ToList();
    }

    /// <summary>
    /// A request body's inline JSON bodies. A 2.0 spec's body is a parameter (<c>in: body</c>), which the
    /// library turns into a request body: its pointer is that parameter's schema.
    /// </summary>
    private List<PayloadBody> RequestBodies(IOpenApiRequestBody? body, string operationPointer)
    {
        if (body is null or OpenApiRequestBodyReference)
        {
            return new List<PayloadBody>();
        }

        if (IsSwagger2)
        {
            var index = 0;
            while (_locator.Has(operationPointer + "/parameters/" + index) && _locator.ScalarAt(operationPointer + "/parameters/" + index + "/in") != "body")
            {
                index++;
            }

            var schema = body.Content?.Values.FirstOrDefault()?.Schema;
            return schema is null or OpenApiSchemaReference || !_locator.Has(operationPointer + "/parameters/" + index)
                ? new List<PayloadBody>()
                : new List<PayloadBody> { new(operationPointer + "/parameters/" + index + "/schema", "application/json", schema) };
        }

        return Bodies(body.Content, operationPointer + "/requestBody");
    }

    /// <summary>
    /// The <c>$ref</c> schemas of an operation's JSON bodies. A <c>$ref</c>'d request body or response
    /// is followed (the library resolves it); a <c>$ref</c> to another file has no target and is left out.
    /// </summary>
    private static List<IOpenApiSchema> ReferencedBodies(OpenApiOperation operation)
    {
        var contents = new List<IDictionary<string, IOpenApiMediaType>?> { SafeContent(() => operation.RequestBody?.Content) };
        contents.AddRange((operation.Responses ?? new OpenApiResponses()).Values.Select(r => SafeContent(() => r?.Content)));
        return contents
            .SelectMany(c => c ?? new Dictionary<string, IOpenApiMediaType>())
            .Where(pair => IsJson(pair.Key) && pair.Value?.Schema is OpenApiSchemaReference)
            .Select(pair => pair.Value.Schema!)
            .ToList();
    }

    /// <summary>A content map, or null when a <c>$ref</c> to it cannot be resolved (the library throws for some).</summary>
    private static IDictionary<string, IOpenApiMediaType>? SafeContent(Func<IDictionary<string, IOpenApiMediaType>?> content)
    {
        try
        {
            return content();
        }
        catch (Exception ex) when (ex is InvalidOperationException or NullReferenceException)
        {
            return null;
        }
    }

    private List<(string Status, IReadOnlyList<PayloadBody> Bodies)> ResponseBodies(OpenApiResponses? responses, string operationPointer)
    {
        var result = new List<(string, IReadOnlyList<PayloadBody>)>();
        foreach (var response in responses ?? new OpenApiResponses())
        {
            if (response.Value is null or OpenApiResponseReference)
            {
                continue;
            }

            var pointer = operationPointer + "/responses/" + SpecLocator.Escape(response.Key);
            if (IsSwagger2)
            {
                var schema = response.Value.Content?.Values.FirstOrDefault()?.Schema;
                result.Add((response.Key, schema is null or OpenApiSchemaReference
                    ? new List<PayloadBody>()
                    : new List<PayloadBody> { new(pointer + "/schema", "application/json", schema) }));
            }
            else
            {
                result.Add((response.Key, Bodies(response.Value.Content, pointer)));
            }
        }

        return result;
    }

    /// <summary>The JSON media types of a content map whose schema is written inline, in spec order.</summary>
    private static List<PayloadBody> Bodies(IDictionary<string, IOpenApiMediaType>? content, string pointer)
        => (content ?? new Dictionary<string, IOpenApiMediaType>())
            .Where(pair => IsJson(pair.Key) && pair.Value?.Schema is { } schema && schema is not OpenApiSchemaReference)
            .Select(pair => new PayloadBody(pointer + "/content/" + SpecLocator.Escape(pair.Key) + "/schema", pair.Key, pair.Value.Schema!))
            .ToList();

    private bool IsSwagger2 => _locator.ScalarAt("/swagger") is not null;
}
