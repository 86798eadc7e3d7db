using System;
using System.Collections.Generic;
using System.Linq;
using Clerk.Models.Generator.Diagnostics;
using Clerk.Models.Generator.Model;
using Clerk.Models.Generator.Naming;
using Clerk.Models.Generator.Read.OpenApi;
using Clerk.Models.Generator.Read.Schemas;
using Clerk.Models.Generator.Read.Text;
using Microsoft.OpenApi;

namespace Clerk.Models.Generator.Read.Building;

internal sealed partial class ModelBuilder
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>An empty plan until <see cref="Planning.UnionPlanner"/> has seen every union of the spec.</summary>
    private static readonly UnionPlan Unplanned = new(null, EquatableArray<string>.Empty, null, EquatableArray<string>.Empty, true, EquatableArray<string>.Empty);

    private void BuildUnion(IOpenApiSchema schema, string typeName, string pointer, string? description)
    {
        var names = new NameScope(ReservedNames.UnionMembers.Concat(new[] { typeName }));
        var unknownName = names.Claim(EmittedNames.UnknownCase);
        var alternatives = SchemaClassifier.NonNullAlternatives(schema, out var keyword);
        var cases = new List<UnionCaseModel>();
        var caseByComponent = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < alternatives.Count; i++)
        {
            var alternative = alternatives[i];
            var altPointer = pointer + "/" + keyword + "/" + i;
            var (type, _) = ResolveType(alternative, typeName + "Option" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), altPointer);
            var desired = type.Name ?? type.Kind.ToString();
            var caseName = names.Claim(desired);
            if (caseName != desired)
            {
                Report(DiagnosticDescriptors.NameCollision, altPointer, desired, desired, caseName);
            }

            var enumValues = type.Kind == TypeKind.Enum && _adapter.Dereference(alternative) is { } enumSchema
                ? EnumKindOf(enumSchema, EnumValues(enumSchema, EnumPointer(alternative, altPointer)))
                : (EnumValueKind?)null;
            cases.Add(new UnionCaseModel(
                caseName,
                type,
                ChecksOf(alternative, altPointer).ToEquatableArray(),
                enumValues,
                type.Kind == TypeKind.Union ? TypeNames.UnknownCaseOf(type.Name!) : null));
            if (alternative is OpenApiSchemaReference alternativeReference && _adapter.ComponentIdOf(alternativeReference) is { } componentId)
            {
                caseByComponent[componentId] = caseName;
            }
        }

        var discriminator = DiscriminatorOf(schema, caseByComponent, pointer);

        Unions.Add(new UnionModel(
            typeName,
            _typeNames.FileOf(typeName),
            description,
            cases.ToEquatableArray(),
            unknownName,
            discriminator,
            Unplanned) { SourcePointer = pointer });
    }

    /// <summary>Where an enum alternative's schema is written: the component it refers to, or the alternative itself.</summary>
    private string EnumPointer(IOpenApiSchema alternative, string pointer)
    {
        for (var depth = 0; depth < 64 && alternative is OpenApiSchemaReference reference && _adapter.ComponentIdOf(reference) is { } id; depth++)
        {
            pointer = OpenApiAdapter.ComponentPointer(id);
            if (Components[id] is not { } target)
            {
                break;
            }

            alternative = target;
        }

        return pointer;
    }

    /// <summary>
    /// The discriminator's values: the explicit <c>mapping</c>, then each referenced alternative's
    /// own schema name (the implicit mapping), unless the mapping already uses that value.
    /// </summary>
    private UnionDiscriminator? DiscriminatorOf(IOpenApiSchema schema, Dictionary<string, string> caseByComponent, string pointer)
    {
        if (schema.Discriminator?.PropertyName is not { Length: > 0 } property)
        {
            return null;
        }

        var values = new List<DiscriminatorValue>();
        foreach (var mapping in schema.Discriminator.Mapping ?? new Dictionary<string, OpenApiSchemaReference>())
        {
            if (mapping.Value is { } target && _adapter.MappedComponent(target) is { } id && caseByComponent.TryGetValue(id, out var caseName))
            {
                values.Add(new DiscriminatorValue(mapping.Key, caseName));
            }
            else
            {
                Report(DiagnosticDescriptors.UnresolvedReference, pointer + "/discriminator/mapping/" + SpecLocator.Escape(mapping.Key), mapping.Value?.Reference?.ReferenceV3 ?? mapping.Key, pointer);
            }
        }

        foreach (var pair in caseByComponent)
        {
            if (!values.Any(v => v.Value == pair.Key))
            {
                values.Add(new DiscriminatorValue(pair.Key, pair.Value));
            }
        }

        return new UnionDiscriminator(property, values.ToEquatableArray());
    }

    /// <summary>
    /// What distinguishes an object alternative: its required members, and the values its members
    /// may take (<c>enum</c>, <c>const</c>, <c>pattern</c>).
    /// </summary>
    private List<CaseCheck> ChecksOf(IOpenApiSchema alternative, string pointer)
    {
        var checks = new List<CaseCheck>();
        var target = _adapter.Dereference(alternative);
        if (target is null || SchemaClassifier.Classify(target) != SchemaShape.Record)
        {
            return checks;
        }

        var members = CollectMembers(target, pointer);
        foreach (var member in members.Where(m => m.IsRequired))
        {
            checks.Add(new CaseCheck(CaseCheckKind.Required, member.JsonName, EquatableArray<string>.Empty));
        }

        foreach (var member in members)
        {
            var memberSchema = _adapter.Dereference(member.Schema);
            if (memberSchema is null)
            {
                continue;
            }

            var values = new List<string>();
            foreach (var (value, _) in OpenApiAdapter.EnumValues(memberSchema))
            {
                if (value.TryGetValue<string>(out var text))
                {
                    values.Add(text);
                }
            }

            // Only string constants can be compared with the member's text; a number or boolean const does not help here.
            if (memberSchema.Const is { } constant
                && ((memberSchema.Type.GetValueOrDefault() & ~JsonSchemaType.Null) == JsonSchemaType.String
                    || (memberSchema.Type is null && _adapter.TypeOfConstant(constant, member.Pointer + "/const") == JsonSchemaType.String)))
            {
                values.Add(constant);
            }

            if (values.Count > 0)
            {
                checks.Add(new CaseCheck(CaseCheckKind.OneOf, member.JsonName, values.Distinct(StringComparer.Ordinal).ToEquatableArray()));
            }
            else if (!string.IsNullOrEmpty(memberSchema.Pattern))
            {
                if (PatternError(memberSchema.Pattern!) is { } error)
                {
                    Report(DiagnosticDescriptors.InvalidPattern, member.Pointer + "/pattern", memberSchema.Pattern, error);
                }
                else
                {
                    checks.Add(new CaseCheck(CaseCheckKind.Pattern, member.JsonName, new[] { memberSchema.Pattern! }.ToEquatableArray()));
                }
            }
        }

        return checks;
    }

    private static string? PatternError(string pattern)
    {
        try
        {
            _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant, PatternTimeout);
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
    }
}
