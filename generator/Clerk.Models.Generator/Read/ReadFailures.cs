using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Clerk.Models.Generator.Diagnostics;
using Clerk.Models.Generator.Model;
using Clerk.Models.Generator.Read.Text;
using Microsoft.OpenApi;

namespace Clerk.Models.Generator.Read;

/// <summary>
/// Turns what went wrong while reading a spec into diagnostics at the right line: the parsing library
/// reports most problems without a position, or throws, and its message rarely says which of several
/// causes it was. Each method tells the causes apart, most specific first.
/// </summary>
internal static class ReadFailures
{
    /// <summary>The library threw while reading the document.</summary>
    public static void Threw(Exception exception, JsonNode? root, SpecLocator locator, List<DiagnosticInfo> diagnostics)
    {
        // System.Text.Json's nodes throw on a duplicate key only when the library walks them.
        if (locator.FirstDuplicateKey() is { } duplicate)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SyntaxError, duplicate.Location, duplicate.Message));
            return;
        }

        var syntax = locator.FindSyntaxError();
        if (syntax is null && MentionsVersion(exception.Message))
        {
            diagnostics.Add(UnsupportedVersion(locator));
            return;
        }

        // The parsing library throws on some keywords of the wrong kind ('deprecated: maybe'): say where.
        if (syntax is null && ReportUnreadableShape(root, locator, diagnostics))
        {
            return;
        }

        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SyntaxError, syntax?.Location ?? locator.File, syntax?.Message ?? exception.Message));
    }

    /// <summary>The library read the text but made no document of it.</summary>
    public static void NoDocument(IList<OpenApiError> errors, JsonNode? root, SpecLocator locator, List<DiagnosticInfo> diagnostics)
    {
        if (locator.FindSyntaxError() is { } syntax)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SyntaxError, syntax.Location, syntax.Message));
            return;
        }

        if (errors.Count > 0 && MentionsVersion(errors[0].Message))
        {
            diagnostics.Add(UnsupportedVersion(locator));
            return;
        }

        if (ReportUnreadableShape(root, locator, diagnostics))
        {
            return;
        }

        foreach (var error in errors)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDocument, locator.Locate(error.Pointer ?? string.Empty), error.Message));
        }

        if (errors.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDocument, locator.File, "The document could not be read as OpenAPI."));
        }
    }

    /// <summary>
    /// Problems in a document that was read: keywords of the wrong kind that the library dropped or
    /// misread (the models are built without them), and the library's own errors about schemas.
    /// Problems in paths, responses or security do not touch the models and are not reported.
    /// </summary>
    public static void ReportIgnored(IList<OpenApiError> errors, JsonNode? root, SpecLocator locator, List<DiagnosticInfo> diagnostics)
    {
        var shapeProblems = SpecShapeCheck.Find(root, locator);
        foreach (var (location, message) in shapeProblems)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDocument, location, message + "; it is ignored"));
        }

        // Reported once: the check above may have found them already.
        foreach (var error in errors.Where(e => IsSchemaPointer(e.Pointer)))
        {
            var location = locator.Locate(error.Pointer ?? string.Empty);
            if (!shapeProblems.Any(p => p.Location.Line == location.Line))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidDocument, location, error.Message));
            }
        }
    }

    /// <summary>System.Text.Json's message without the position, which the diagnostic's location already gives.</summary>
    public static string JsonMessage(JsonException exception)
    {
        var message = exception.Message;
        var position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return position > 0 ? message.Substring(0, position).TrimEnd() : message;
    }

    private static bool MentionsVersion(string message) => message.IndexOf("version", StringComparison.OrdinalIgnoreCase) >= 0;

    private static DiagnosticInfo UnsupportedVersion(SpecLocator locator)
    {
        var pointer = locator.ScalarAt("/openapi") is not null ? "/openapi" : "/swagger";
        return DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedVersion, locator.Locate(pointer), locator.ScalarAt(pointer) ?? "?");
    }

    /// <summary>Reports, as errors, the keywords of the wrong kind that kept the spec from being read; false when there are none.</summary>
    private static bool ReportUnreadableShape(JsonNode? root, SpecLocator locator, List<DiagnosticInfo> diagnostics)
    {
        var problems = SpecShapeCheck.Find(root, locator);
        foreach (var (location, message) in problems)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableSchema, location, message));
        }

        return problems.Count > 0;
    }

    private static bool IsSchemaPointer(string? pointer)
        => pointer is not null
           && (pointer.StartsWith("#/components/schemas", StringComparison.Ordinal) || pointer.StartsWith("#/definitions", StringComparison.Ordinal));
}
