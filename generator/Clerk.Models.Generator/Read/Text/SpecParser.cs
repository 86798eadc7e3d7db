using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using Clerk.Models.Generator.Diagnostics;
using Clerk.Models.Generator.Input;
using Clerk.Models.Generator.Model;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Clerk.Models.Generator.Read.Text;

/// <summary>
/// Spec text to the parsing library's document. Both formats are parsed here rather than by the
/// library: YAML so that the text is parsed once, with the locations diagnostics need, and JSON
/// because the library's reader stops at 64 levels, which 30 nested objects already reach.
/// </summary>
internal static class SpecParser
{
    /// <returns>The document, or null when it could not be read (the reasons are in <paramref name="diagnostics"/>).</returns>
    public static OpenApiDocument? Parse(SpecInput input, SpecLocator locator, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        // The library's validation rules check paths and operations, which models do not use, and follow
        // every $ref chain to its end for every reference: a 10,000-link alias chain took minutes.
        var settings = new OpenApiReaderSettings { RuleSet = ValidationRuleSet.GetEmptyRuleSet() };
        settings.AddYamlReader();
        JsonNode? root = null;
        ReadResult result;
        try
        {
            root = ParseText(input, locator, cancellationToken);
            result = new OpenApiJsonReader().Read(root ?? new JsonObject(), new Uri(OpenApiConstants.BaseRegistryUri), settings);
        }
        catch (SpecTextException ex)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SyntaxError, ex.Location, ex.Message));
            return null;
        }
        catch (JsonException ex) when (SpecDetector.IsJson(input.Path) && ex.LineNumber is { } line)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SyntaxError, locator.AtLineAndByte(line, ex.BytePositionInLine ?? 0), ReadFailures.JsonMessage(ex)));
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ReadFailures.Threw(ex, root, locator, diagnostics);
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();

        var errors = result.Diagnostic?.Errors ?? (IList<OpenApiError>)Array.Empty<OpenApiError>();
        if (result.Document is null)
        {
            ReadFailures.NoDocument(errors, root, locator, diagnostics);
            return null;
        }

        ReadFailures.ReportIgnored(errors, root, locator, diagnostics);
        return result.Document;
    }

    private static JsonNode? ParseText(SpecInput input, SpecLocator locator, CancellationToken cancellationToken)
    {
        if (!SpecDetector.IsJson(input.Path))
        {
            return locator.ParseYaml(cancellationToken);
        }

        var root = JsonNode.Parse(input.Text.TrimStart('\uFEFF'), documentOptions: new JsonDocumentOptions { MaxDepth = SpecLocator.MaxDepth });
        Materialize(root);
        return root;
    }

    /// <summary>
    /// Visits every node: System.Text.Json builds an object's members when they are first asked for,
    /// and only then throws on a duplicate key. Here, that is while the text is read, where it is
    /// reported at its line, not later inside a part of the spec nothing else reads.
    /// </summary>
    private static void Materialize(JsonNode? root)
    {
        var pending = new Stack<JsonNode?>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case JsonObject mapping:
                    foreach (var member in mapping)
                    {
                        pending.Push(member.Value);
                    }

                    break;
                case JsonArray sequence:
                    foreach (var item in sequence)
                    {
                        pending.Push(item);
                    }

                    break;
            }
        }
    }
}
