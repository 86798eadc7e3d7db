using System.Collections.Generic;
using System.Linq;
using Clerk.Models.Generator.Model;
using Clerk.Models.Generator.Read.OpenApi;
using Microsoft.OpenApi;

namespace Clerk.Models.Generator.Read.Building;

/// <summary>The documentation text of generated members, from the spec's descriptions and keywords.</summary>
internal static class MemberDocs
{
    /// <summary>
    /// The member's description, with what the C# type cannot say: the values an integer enum
    /// allows, the default (documented, not applied: an absent member must stay absent to be
    /// written back as it came), and readOnly/writeOnly.
    /// </summary>
    public static string? Describe(IOpenApiSchema schema, TypeRef type)
    {
        var notes = new List<string>();
        if (type.Kind is not (TypeKind.Enum or TypeKind.String) && schema.Enum is { Count: > 0 } values)
        {
            notes.Add("Allowed values: " + string.Join(", ", values.Select(v => OpenApiAdapter.IsNull(v) ? "null" : v.ToJsonString())) + ".");
        }

        if (schema.Default is { } defaultValue)
        {
            notes.Add("Default when absent: " + defaultValue.ToJsonString() + ".");
        }

        if (schema.ReadOnly)
        {
            notes.Add("Read-only: sent by the server, not expected in requests.");
        }

        if (schema.WriteOnly)
        {
            notes.Add("Write-only: sent in requests, not returned by the server.");
        }

        if (notes.Count == 0)
        {
            return schema.Description;
        }

        var text = string.Join(" ", notes);
        return string.IsNullOrWhiteSpace(schema.Description) ? text : schema.Description!.TrimEnd() + "\n" + text;
    }

    public static string DeprecationMessage(string? description)
        => "Deprecated in the API description." + (string.IsNullOrWhiteSpace(description) ? string.Empty : " " + FirstLine(description!));

    private static string FirstLine(string text)
    {
        var trimmed = text.Trim();
        var end = trimmed.IndexOfAny(new[] { '\r', '\n', '\u2028', '\u2029', '\u0085' });
        return end < 0 ? trimmed : trimmed.Substring(0, end);
    }
}
