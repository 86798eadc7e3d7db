using System;
using System.Collections.Generic;
using System.Linq;
using Clerk.Models.Generator.Diagnostics;
using Clerk.Models.Generator.Model;
using Clerk.Models.Generator.Naming;
using Clerk.Models.Generator.Planning;
using Clerk.Models.Generator.Read.OpenApi;
using Clerk.Models.Generator.Read.Payloads;
using Clerk.Models.Generator.Read.Schemas;
using Microsoft.OpenApi;

namespace Clerk.Models.Generator.Read.Building;

internal sealed partial class ModelBuilder
{
    /// <summary>The type each payload's schema became, by the schema's pointer: for the webhook union's cases.</summary>
    private readonly Dictionary<string, TypeRef> _payloadTypes = new(StringComparer.Ordinal);

    /// <summary>
    /// Names every payload root after the components and their inline types, then builds each in a file
    /// of its own. An array or primitive body gets no wrapper type: the user reads a <c>ValueList</c> or
    /// the value itself, and an inline item type is named from the body (<c>ListUsersResponseItem</c>).
    /// </summary>
    private void BuildPayloads(PayloadRoots payloads, SchemaSubset subset)
    {
        var claimed = new List<(PayloadRoot Root, SchemaShape Shape, string? TypeName)>();
        foreach (var root in payloads.Roots)
        {
            _reporting = subset.GeneratesPayload(root.SubsetName);
            var shape = SchemaClassifier.Classify(root.Schema);
            claimed.Add((root, shape, shape == SchemaShape.Alias ? null : ClaimTypeName(root.DesiredName, shape, root.Pointer)));
        }

        foreach (var (root, shape, typeName) in claimed)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var generated = subset.GeneratesPayload(root.SubsetName);
            _reporting = generated;
            var filesBefore = _typeNames.FileCount;
            if (typeName is null)
            {
                _currentFile = null;
                // An array body's inline item type is "the value of an item of the JSON body of ...".
                var origin = char.ToLowerInvariant(root.Description[0]) + root.Description.Substring(1).TrimEnd('.');
                _payloadTypes[root.Pointer] = ResolveType(root.Schema, root.DesiredName, root.Pointer, origin).Type;
            }
            else
            {
                _currentFile = _typeNames.FileOf(typeName);
                BuildType(root.Schema, shape, typeName, root.Pointer, summary: root.Description);
                _payloadTypes[root.Pointer] = new TypeRef(KindOf(shape), typeName);
                if (generated)
                {
                    _generatedFiles?.Add(_currentFile);
                }
            }

            if (generated)
            {
                foreach (var file in _typeNames.FilesFrom(filesBefore))
                {
                    _generatedFiles?.Add(file);
                }
            }
        }
    }

    /// <summary>
    /// The union of the spec's webhook bodies, <c>WebhookEvent</c>, with a case per webhook. With
    /// <c>WebhookEventMember</c>, the member's value (the webhook's name) picks the case; without, the
    /// bodies must tell themselves apart by the union rules (a single-value <c>enum</c> or <c>const</c> on
    /// one member), or the union is left out with CMG016.
    /// </summary>
    private void BuildWebhookEvent(PayloadRoots payloads, SchemaSubset subset)
    {
        if (payloads.WebhooksPointer is not { } pointer)
        {
            return;
        }

        var hooks = payloads.Webhooks.Where(w => subset.GeneratesPayload(w.Name)).ToList();
        if (hooks.Count == 0)
        {
            return;
        }

        _reporting = true;
        _currentFile = null;
        var typeName = ClaimTypeName(EmittedNames.WebhookEventUnion, SchemaShape.Union, pointer);
        var names = new NameScope(ReservedNames.UnionMembers.Concat(new[] { typeName }));
        var unknownName = names.Claim(EmittedNames.UnknownCase);
        var cases = new List<UnionCaseModel>();
        var values = new List<DiscriminatorValue>();
        foreach (var hook in hooks)
        {
            var (type, schema, schemaPointer) = WebhookBody(hook);
            if (type is not { Kind: TypeKind.Record } || schema is null)
            {
                if (type is not null)
                {
                    Report(DiagnosticDescriptors.WebhookNotAnEventCase, schemaPointer, hook.Name, BodyKind(type));
                }

                continue;
            }

            var desired = NameMangler.ToPascalCase(hook.Name, "Webhook");
            var caseName = names.Claim(desired);
            if (caseName != desired)
            {
                Report(DiagnosticDescriptors.NameCollision, schemaPointer, hook.Name, desired, caseName);
            }

            cases.Add(new UnionCaseModel(caseName, type, ChecksOf(schema, schemaPointer).ToEquatableArray()));
            values.Add(new DiscriminatorValue(hook.Name, caseName));
        }

        if (cases.Count == 0)
        {
            return;
        }

        var member = _options.WebhookEventMember;
        var discriminator = member is null ? null : new UnionDiscriminator(member, values.ToEquatableArray(), DecidesAlone: true);
        var union = new UnionModel(
            typeName,
            _typeNames.FileOf(typeName),
            "One of the spec's webhook events, by " + (member is null ? "what tells their bodies apart" : "the value of '" + member + "'") + "; an event the spec does not list is kept as it was sent.",
            cases.ToEquatableArray(),
            unknownName,
            discriminator,
            Unplanned) { SourcePointer = pointer };
        if (discriminator is null && cases.Count > 1 && UnionPlanner.Plan(union).Objects is not { Kind: ObjectSelectionKind.ByMember })
        {
            Report(DiagnosticDescriptors.WebhookEventUndecidable, pointer, cases.Count);
            return;
        }

        Unions.Add(union);
        _generatedFiles?.Add(union.FileName);
    }

    /// <summary>What a body that is not a record is, for CMG017.</summary>
    private static string BodyKind(TypeRef type) => type.Kind switch
    {
        TypeKind.Array => "an array",
        TypeKind.Map => "a map of values",
        TypeKind.Union => "a union",
        TypeKind.Enum => "an enum value",
        TypeKind.RawJson => "any JSON value",
        _ => "a single value",
    };

    /// <summary>A webhook body's type, and the schema its cases are checked by.</summary>
    private (TypeRef? Type, IOpenApiSchema? Schema, string Pointer) WebhookBody(WebhookEntry hook)
    {
        if (hook.Root is { } root)
        {
            return (_payloadTypes.TryGetValue(root.Pointer, out var type) ? type : null, root.Schema, root.Pointer);
        }

        if (hook.SchemaReference is { } reference && _adapter.ComponentIdOf(reference) is { } id)
        {
            var pointer = OpenApiAdapter.ComponentPointer(id);
            return (ResolveReference(reference, pointer).Type, reference, pointer);
        }

        return (null, null, string.Empty);
    }
}
