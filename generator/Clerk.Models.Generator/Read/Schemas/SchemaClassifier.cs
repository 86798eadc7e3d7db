using System.Collections.Generic;
using System.Linq;
using Clerk.Models.Generator.Read.OpenApi;
using Microsoft.OpenApi;

namespace Clerk.Models.Generator.Read.Schemas;

/// <summary>Decides from a schema's keywords alone what it becomes in C#.</summary>
internal static class SchemaClassifier
{
    public static SchemaShape Classify(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchemaReference)
        {
            return SchemaShape.Alias;
        }

        var hasProperties = schema.Properties is { Count: > 0 };
        if (NonNullAlternatives(schema, out _).Count >= 2 && !hasProperties)
        {
            return SchemaShape.Union;
        }

        // allOf composes objects into a record; an allOf of plain values (a string and its limits) is that value.
        // allOf: [$ref, {nullable: true}] (or a description beside it) is that reference, not a new record:
        // only two or more object parts compose one.
        if (schema.AllOf is { Count: > 0 } allOf && (hasProperties || allOf.Count(IsObjectLike) > 1))
        {
            return SchemaShape.Record;
        }

        var type = schema.Type.GetValueOrDefault() & ~JsonSchemaType.Null;
        if (type is JsonSchemaType.String or JsonSchemaType.Integer or JsonSchemaType.Number or 0
            && OpenApiAdapter.EnumValues(schema).Any(v => v.Node.GetValueKind() is System.Text.Json.JsonValueKind.String or System.Text.Json.JsonValueKind.Number))
        {
            return SchemaShape.Enum;
        }

        if (hasProperties && (type == JsonSchemaType.Object || type == 0))
        {
            return SchemaShape.Record;
        }

        return SchemaShape.Alias;
    }

    /// <summary>The alternatives of a <c>oneOf</c>/<c>anyOf</c> (or of several types) other than <c>null</c>.</summary>
    /// <param name="keyword">Where they are written, for pointers: <c>oneOf</c>, <c>anyOf</c> or <c>type</c>.</param>
    public static List<IOpenApiSchema> NonNullAlternatives(IOpenApiSchema schema, out string keyword)
    {
        var list = schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf;
        keyword = schema.OneOf is { Count: > 0 } ? "oneOf" : "anyOf";
        if (list is not { Count: > 0 })
        {
            keyword = "type";
            return OpenApiAdapter.SeveralTypes(schema);
        }

        return list.Where(s => s is OpenApiSchemaReference || s.Type != JsonSchemaType.Null).ToList();
    }

    public static bool HasNullAlternative(IOpenApiSchema schema)
        => (schema.OneOf ?? schema.AnyOf ?? new List<IOpenApiSchema>())
            .Any(s => s is not OpenApiSchemaReference && s.Type == JsonSchemaType.Null);

    /// <summary>A part of an <c>allOf</c> that brings members: a reference, properties, or an object type.</summary>
    public static bool IsObjectLike(IOpenApiSchema part)
        => part is OpenApiSchemaReference
           || part.Properties is { Count: > 0 }
           || part.AllOf is { Count: > 0 }
           || (part.Type.GetValueOrDefault() & JsonSchemaType.Object) != 0;

    /// <summary>False for the empty schema <c>{}</c>, which allows anything: such values stay raw JSON.</summary>
    public static bool HasConstraints(IOpenApiSchema schema)
        => schema is OpenApiSchemaReference
           || schema.Type is not null
           || schema.Properties is { Count: > 0 }
           || schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 } || schema.AllOf is { Count: > 0 }
           || schema.Enum is { Count: > 0 }
           || schema.Items is not null
           || schema.AdditionalProperties is not null;
}
