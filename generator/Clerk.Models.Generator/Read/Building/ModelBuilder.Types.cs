using System;
using System.IO;
using System.Linq;
using Clerk.Models.Generator.Diagnostics;
using Clerk.Models.Generator.Model;
using Clerk.Models.Generator.Naming;
using Clerk.Models.Generator.Read.OpenApi;
using Clerk.Models.Generator.Read.Schemas;
using Microsoft.OpenApi;

namespace Clerk.Models.Generator.Read.Building;

internal sealed partial class ModelBuilder
{
    /// <summary>Maps a schema to a C# type, building the inline types it needs under <paramref name="contextName"/>.</summary>
    private (TypeRef Type, bool Nullable) ResolveType(IOpenApiSchema schema, string contextName, string pointer, string? origin = null)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (schema is OpenApiSchemaReference reference)
        {
            return ResolveReference(reference, pointer);
        }

        var nullable = _adapter.IsNullable(schema, pointer);
        var shape = SchemaClassifier.Classify(schema);
        if (shape != SchemaShape.Alias)
        {
            return BuildInline(schema, shape, contextName, pointer, origin) is { } inline ? (inline, nullable) : (TypeRef.RawJson, true);
        }

        // One real alternative (often next to "nullable: true") is that alternative, not a wrapper.
        var alternatives = SchemaClassifier.NonNullAlternatives(schema, out var keyword);
        if (alternatives.Count == 1)
        {
            var (inner, innerNullable) = ResolveType(alternatives[0], contextName, pointer + "/" + keyword + "/0", origin);
            return (inner, nullable || innerNullable || SchemaClassifier.HasNullAlternative(schema));
        }

        if (schema.AllOf is { Count: 1 } allOf)
        {
            var (inner, innerNullable) = ResolveType(allOf[0], contextName, pointer + "/allOf/0", origin);
            return (inner, nullable || innerNullable);
        }

        if (schema.AllOf is { Count: > 1 } objectParts && objectParts.Count(SchemaClassifier.IsObjectLike) == 1)
        {
            var index = objectParts.ToList().FindIndex(SchemaClassifier.IsObjectLike);
            var (inner, innerNullable) = ResolveType(objectParts[index], contextName, pointer + "/allOf/" + Index(index), origin);
            var partNullable = objectParts.Select((p, i) => i != index && _adapter.IsNullable(p, pointer + "/allOf/" + Index(i))).Any(n => n);
            return (inner, nullable || innerNullable || partNullable);
        }

        if (schema.AllOf is { Count: > 1 } parts && schema.Type is null && parts.Select((p, i) => (Part: p, Index: i)).FirstOrDefault(p => p.Part.Type is not null) is { Part: not null } typed)
        {
            var (inner, innerNullable) = ResolveType(typed.Part, contextName, pointer + "/allOf/" + Index(typed.Index), origin);
            return (inner, nullable || innerNullable);
        }

        var type = schema.Type.GetValueOrDefault() & ~JsonSchemaType.Null;
        if (type == 0 && schema.Const is { } constant)
        {
            type = _adapter.TypeOfConstant(constant, pointer + "/const");
        }

        switch (type)
        {
            case JsonSchemaType.String:
                // uri stays a string: System.Uri rewrites what it holds ("https://a.b" becomes "https://a.b/").
                return (schema.Format switch
                {
                    "date-time" => TypeRef.DateTimeOffset,
                    "date" => TypeRef.Date,
                    "uuid" => TypeRef.Guid,
                    "byte" => TypeRef.Bytes,
                    _ => TypeRef.String,
                }, nullable);
            case JsonSchemaType.Boolean:
                return (TypeRef.Boolean, nullable);
            case JsonSchemaType.Integer:
                return (schema.Format switch
                {
                    "int32" => TypeRef.Int32,
                    "int64" => TypeRef.Int64,
                    _ => _options.IntegerType,
                }, nullable);
            case JsonSchemaType.Number:
                return (schema.Format switch
                {
                    "float" => TypeRef.Single,
                    "decimal" => TypeRef.Decimal,
                    "int32" => TypeRef.Int32,
                    "int64" => TypeRef.Int64,
                    _ => TypeRef.Double,
                }, nullable);
            case JsonSchemaType.Array:
                if (OpenApiAdapter.HasPrefixItems(schema))
                {
                    // A tuple: each position has its own type, which a list cannot say.
                    ReportUnsupportedKeywords(schema, pointer);
                    return (TypeRef.RawJson, nullable);
                }

                if (schema.Items is null)
                {
                    return (TypeRef.ArrayOf(TypeRef.RawJson), nullable);
                }

                var (item, itemNullable) = ResolveType(schema.Items, contextName + "Item", pointer + "/items", origin is null ? null : "an item of " + origin);
                return (TypeRef.ArrayOf(item, itemNullable), nullable);
            case JsonSchemaType.Object:
            case 0:
                if (schema.AdditionalProperties is { } values && SchemaClassifier.HasConstraints(values))
                {
                    var (value, valueNullable) = ResolveType(values, contextName + "Value", pointer + "/additionalProperties", origin is null ? null : "a value of " + origin);
                    return (TypeRef.MapOf(value, valueNullable), nullable);
                }

                ReportUnsupportedKeywords(schema, pointer);

                // Free-form: no members declared. Any JSON value is kept exactly as it was sent.
                return (TypeRef.RawJson, nullable);
            default:
                Report(DiagnosticDescriptors.UnsupportedSchema, pointer, "A schema allowing several types (" + type + ")", pointer);
                return (TypeRef.RawJson, nullable);
        }
    }

    /// <summary>Builds an inline record, enum or union; null when it nests too deep to build.</summary>
    private TypeRef? BuildInline(IOpenApiSchema schema, SchemaShape shape, string contextName, string pointer, string? origin)
    {
        // An inline schema met again while it is being built contains itself, through a member
        // that composes its own parent (allOf: [$ref Parent, {...}]): it is that type again. A payload
        // that composes a component (each webhook body is allOf: [$ref WebhookEventPayload, ...]) uses the
        // component's inline types, not a copy per payload. Components themselves keep a copy each, so
        // that a component's file does not depend on which others are generated.
        if (_inlineInProgress.TryGetValue(schema, out var building) || (_buildingPayloads && _builtInline.TryGetValue(schema, out building)))
        {
            return building;
        }

        if (_inlineInProgress.Count >= MaxInlineDepth)
        {
            Report(DiagnosticDescriptors.UnsupportedSchema, pointer, "Inline schemas nested more than " + MaxInlineDepth + " levels", pointer);
            return null;
        }

        // Built while a component is, it goes into that component's file.
        var type = new TypeRef(KindOf(shape), ClaimTypeName(contextName, shape, pointer, _currentFile));
        _inlineInProgress.Add(schema, type);
        try
        {
            BuildType(schema, shape, type.Name!, pointer, origin);
        }
        finally
        {
            _inlineInProgress.Remove(schema);
        }

        if (!_builtInline.ContainsKey(schema))
        {
            _builtInline[schema] = type;
        }

        return type;
    }

    private (TypeRef Type, bool Nullable) ResolveReference(OpenApiSchemaReference reference, string pointer)
    {
        if (OpenApiAdapter.ExternalFile(reference) is { } file)
        {
            return ResolveExternal(reference, file, pointer);
        }

        var id = _adapter.ComponentIdOf(reference);
        if (id is null)
        {
            Report(DiagnosticDescriptors.UnresolvedReference, pointer, _adapter.ReferenceText(reference, pointer, "$ref"), pointer);
            return (TypeRef.RawJson, true);
        }

        if (_adapter.IsReferenceIntoSchema(pointer))
        {
            Report(DiagnosticDescriptors.UnresolvedReference, pointer + "/$ref", _adapter.WrittenReference(pointer), pointer);
            return (TypeRef.RawJson, true);
        }

        if (_componentTypes.TryGetValue(id, out var known))
        {
            return (known, _componentNullable[id] || _adapter.IsNullable(reference, pointer));
        }

        // An alias component (an array, a primitive, a $ref to another component): resolve it through.
        if (!_resolvingAliases.Add(id))
        {
            Report(DiagnosticDescriptors.UnsupportedSchema, OpenApiAdapter.ComponentPointer(id), "A reference cycle made only of aliases", OpenApiAdapter.ComponentPointer(id));
            return (TypeRef.RawJson, true);
        }

        try
        {
            return Components[id] is { } target
                ? ResolveType(target, NameMangler.ToPascalCase(id, "Model"), OpenApiAdapter.ComponentPointer(id))
                : (TypeRef.RawJson, true);
        }
        finally
        {
            _resolvingAliases.Remove(id);
        }
    }

    /// <summary>Keywords that would need a type we do not generate: the value is kept as raw JSON and the user told so.</summary>
    private void ReportUnsupportedKeywords(IOpenApiSchema schema, string pointer)
    {
        if (schema.Not is not null)
        {
            Report(DiagnosticDescriptors.UnsupportedSchema, pointer + "/not", "'not'", pointer);
        }

        if (schema.PatternProperties is { Count: > 0 })
        {
            Report(DiagnosticDescriptors.UnsupportedSchema, pointer + "/patternProperties", "'patternProperties'", pointer);
        }

        if (OpenApiAdapter.HasPrefixItems(schema))
        {
            Report(DiagnosticDescriptors.UnsupportedSchema, pointer + "/prefixItems", "'prefixItems'", pointer);
        }
    }

    /// <summary>
    /// A <c>$ref</c> into another spec of the same compilation is that spec's generated type. The
    /// referenced schema must be one that gets a type of its own: an object, an enum or a oneOf.
    /// </summary>
    private (TypeRef Type, bool Nullable) ResolveExternal(OpenApiSchemaReference reference, string file, string pointer)
    {
        var directory = Path.GetDirectoryName(_specPath) ?? string.Empty;
        var target = NormalizePath(Path.Combine(directory, file));
        var known = _knownSpecs.FirstOrDefault(k => string.Equals(NormalizePath(k.Path), target, StringComparison.OrdinalIgnoreCase));
        if (known is null || OpenApiAdapter.ExternalId(reference) is not { } id)
        {
            Report(DiagnosticDescriptors.UnresolvedExternalReference, pointer, _adapter.ReferenceText(reference, pointer, file), file);
            return (TypeRef.RawJson, true);
        }

        return (new TypeRef(TypeKind.Record, TypeNames.AvoidOwnMembers(NameMangler.ToPascalCase(id, "Model"), GeneratedTypeKind.Record), Namespace: known.Namespace), _adapter.IsNullable(reference, pointer));
    }

    private static string NormalizePath(string path)
    {
        try
        {
            return Path.GetFullPath(path).Replace('\\', '/');
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path.Replace('\\', '/');
        }
    }

    private static string Index(int index) => index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
