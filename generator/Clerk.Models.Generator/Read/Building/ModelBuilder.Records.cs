using System.Collections.Generic;
using Clerk.Models.Generator.Diagnostics;
using Clerk.Models.Generator.Model;
using Clerk.Models.Generator.Naming;
using Clerk.Models.Generator.Read.OpenApi;
using Clerk.Models.Generator.Read.Schemas;
using Microsoft.OpenApi;

namespace Clerk.Models.Generator.Read.Building;

internal sealed partial class ModelBuilder
{
    private void BuildRecord(IOpenApiSchema schema, string typeName, string pointer, string? description)
    {
        var collected = CollectMembers(schema, pointer);
        var names = new RecordMemberNames(typeName, collected.Count);

        var named = new List<(SchemaMember Member, string Name, TypeRef Type, bool Nullable)>();
        foreach (var member in collected)
        {
            var desired = NameMangler.ToPascalCase(member.JsonName);
            var name = names.ClaimProperty(desired);
            if (name != desired)
            {
                Report(DiagnosticDescriptors.NameCollision, member.Pointer, member.JsonName, desired, name);
            }

            var origin = "'" + member.JsonName + "' of " + typeName;

            // Inline types are named from the JSON name, whatever the member had to be renamed to.
            var (type, nullable) = ResolveType(member.Schema, typeName + desired, member.Pointer, origin);
            named.Add((member, name, AsTimestamp(type, member), nullable));
        }

        var properties = new List<PropertyModel>();
        foreach (var (member, name, type, nullable) in named)
        {
            var field = names.ClaimField(name);
            var annotations = _adapter.Annotations(member.Schema);
            properties.Add(new PropertyModel(
                member.JsonName,
                name,
                type,
                member.IsRequired,
                member.IsRequired && !_options.LenientRequiredMembers,
                nullable,
                MemberDocs.Describe(annotations, type),
                annotations.Deprecated ? MemberDocs.DeprecationMessage(annotations.Description) : null,
                field));
        }

        Records.Add(new RecordModel(
            typeName,
            _typeNames.FileOf(typeName),
            description,
            schema.Deprecated ? MemberDocs.DeprecationMessage(schema.Description) : null,
            properties.ToEquatableArray(),
            EmittedNames.AdditionalPropertiesProperty,
            EmittedNames.MemberEnum) { SourcePointer = pointer });
    }

    /// <summary>
    /// An integer member named by the timestamp option, or marked <c>x-clerk-models-unix-time</c>, is
    /// read as a <c>DateTimeOffset</c> and written back as the same integer.
    /// </summary>
    private TypeRef AsTimestamp(TypeRef type, SchemaMember member)
    {
        if (type.Kind is not (TypeKind.Int64 or TypeKind.Int32))
        {
            return type;
        }

        var unit = _options.TimestampUnitFor(member.JsonName);
        if (OpenApiAdapter.StringExtension(_adapter.Annotations(member.Schema), ReadOptions.UnixTimeExtension) is { } text)
        {
            unit = ReadOptions.ParseUnit(text);
            if (unit is null)
            {
                Report(DiagnosticDescriptors.InvalidOption, member.Pointer, text, ReadOptions.UnixTimeExtension, "'milliseconds' or 'seconds'", "an integer");
            }
        }

        return unit is { } kind ? new TypeRef(kind) : type;
    }
}
