using System;
using System.Collections.Generic;
using System.Linq;
using Clerk.Models.Generator.Read.OpenApi;
using Clerk.Models.Generator.Read.Text;
using Microsoft.OpenApi;

namespace Clerk.Models.Generator.Read.Schemas;

/// <summary>One member of an object schema, as the spec writes it.</summary>
/// <param name="Pointer">Where the member's schema is written, for diagnostics.</param>
internal sealed record SchemaMember(string JsonName, IOpenApiSchema Schema, string Pointer, bool IsRequired);

/// <summary>Gathers an object schema's members from it and the parts it composes.</summary>
internal static class MemberCollector
{
    /// <summary>
    /// The members of an object schema, with <c>allOf</c> parts flattened in order (a later
    /// definition of a member replaces an earlier one) and <c>required</c> gathered from all parts.
    /// </summary>
    /// <param name="unresolved">Told of each <c>$ref</c> part that resolves to no component: its text and pointer.</param>
    public static List<SchemaMember> Collect(IOpenApiSchema schema, string pointer, OpenApiAdapter adapter, Action<string, string> unresolved)
    {
        var members = new List<SchemaMember>();
        var required = new HashSet<string>(StringComparer.Ordinal);
        Visit(schema, pointer, new HashSet<IOpenApiSchema>());

        // A readOnly or writeOnly member is required in one direction only, so neither side can count on it.
        return members.Select(m => m with { IsRequired = required.Contains(m.JsonName) && !IsOneWay(m.Schema, adapter) }).ToList();

        void Visit(IOpenApiSchema current, string currentPointer, HashSet<IOpenApiSchema> visiting)
        {
            if (current is OpenApiSchemaReference reference)
            {
                var target = adapter.Dereference(reference);
                if (target is null || adapter.ComponentIdOf(reference) is not { } id)
                {
                    unresolved(adapter.ReferenceText(reference, currentPointer, "$ref"), currentPointer);
                    return;
                }

                current = target;
                currentPointer = OpenApiAdapter.ComponentPointer(id);
            }

            if (!visiting.Add(current))
            {
                return;
            }

            var index = 0;
            foreach (var part in current.AllOf ?? new List<IOpenApiSchema>())
            {
                Visit(part, currentPointer + "/allOf/" + index++, visiting);
            }

            foreach (var name in current.Required ?? new HashSet<string>())
            {
                required.Add(name);
            }

            foreach (var property in current.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                // A member that is not a mapping (reported by the shape check) is left out, as the library leaves out its keywords.
                if (property.Value is null)
                {
                    continue;
                }

                var member = new SchemaMember(property.Key, property.Value, currentPointer + "/properties/" + SpecLocator.Escape(property.Key), false);
                var existing = members.FindIndex(m => m.JsonName == property.Key);
                if (existing >= 0)
                {
                    members[existing] = member;
                }
                else
                {
                    members.Add(member);
                }
            }

            visiting.Remove(current);
        }
    }

    private static bool IsOneWay(IOpenApiSchema schema, OpenApiAdapter adapter)
    {
        schema = adapter.Annotations(schema);
        return schema.ReadOnly || schema.WriteOnly || (adapter.Dereference(schema) is { } target && (target.ReadOnly || target.WriteOnly));
    }
}
