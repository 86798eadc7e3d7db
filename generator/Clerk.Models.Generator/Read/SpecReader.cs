using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Clerk.Models.Generator.Diagnostics;
using Clerk.Models.Generator.Input;
using Clerk.Models.Generator.Model;
using Clerk.Models.Generator.Naming;
using Clerk.Models.Generator.Planning;
using Clerk.Models.Generator.Read.Building;
using Clerk.Models.Generator.Read.OpenApi;
using Clerk.Models.Generator.Read.Text;

namespace Clerk.Models.Generator.Read;

/// <summary>What reading one spec produced: a model to emit (when one could be made) and diagnostics.</summary>
internal sealed record SpecReadResult(SpecModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// The read stage: spec text in, <see cref="SpecModel"/> out. The text is parsed
/// (<see cref="SpecParser"/>), its schemas are built into models (<see cref="ModelBuilder"/>) and its
/// unions planned (<see cref="UnionPlanner"/>). Only this stage sees the parsing library's object
/// model; nothing from it leaves here.
/// </summary>
internal static class SpecReader
{
    public static SpecReadResult Read(SpecInput input, CancellationToken cancellationToken)
        => Read(input, EquatableArray<KnownSpec>.Empty, cancellationToken);

    /// <param name="knownSpecs">Every spec of the compilation, so that a <c>$ref</c> into another one resolves to its types.</param>
    public static SpecReadResult Read(SpecInput input, EquatableArray<KnownSpec> knownSpecs, CancellationToken cancellationToken)
    {
        var locator = new SpecLocator(input.Path, input.Text);
        var diagnostics = new List<DiagnosticInfo>();
        try
        {
            var model = ReadCore(input, knownSpecs, locator, diagnostics, cancellationToken);
            return new SpecReadResult(model, diagnostics.ToEquatableArray());
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Never let a spec take the compiler down: report it on the spec and emit nothing for it.
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnexpectedException, locator.File, ex.GetType().Name + ": " + ex.Message));
            return new SpecReadResult(null, diagnostics.ToEquatableArray());
        }
    }

    /// <summary>Where a spec's types go, without reporting anything: what other specs need to refer to them.</summary>
    public static KnownSpec Locate(SpecInput input) => SpecIdentity.Locate(input);

    private static SpecModel? ReadCore(SpecInput input, EquatableArray<KnownSpec> knownSpecs, SpecLocator locator, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var specName = SpecIdentity.SpecName(input.Path);
        var @namespace = SpecIdentity.Namespace(input, specName, locator, diagnostics);
        if (SpecParser.Parse(input, locator, diagnostics, cancellationToken) is not { } document)
        {
            return null;
        }

        var options = ReadOptions.Resolve(input.Options, locator, diagnostics);
        var builder = new ModelBuilder(new OpenApiAdapter(document, locator), input.Path, knownSpecs, locator, options, diagnostics, cancellationToken);
        builder.Build();
        var (resolverName, resolverFile) = builder.ClaimResolverName(SpecIdentity.ResolverName(specName));
        return new SpecModel(
            new SpecHeader(input.Path, specName, SpecIdentity.HintPrefix(input.Path, specName, @namespace, knownSpecs), @namespace, options.IsPublic),
            builder.Files(UnionPlanner.Plan(builder.Unions)).ToEquatableArray(),
            ResolverPlan(resolverName, resolverFile, builder));
    }

    /// <summary>The resolver's metadata properties: one per type, named like it unless that is taken.</summary>
    private static ResolverModel ResolverPlan(string name, string fileName, ModelBuilder builder)
    {
        var properties = new NameScope(ReservedNames.ResolverMembers.Concat(new[] { name }));
        var entries = new List<ResolverEntry>();
        // Every type claims its property, generated or not, so that Include and Exclude rename none.
        void Add(string typeName, bool hasCollections)
        {
            var property = properties.Claim(typeName);
            if (builder.Generates(typeName))
            {
                entries.Add(new ResolverEntry(typeName, property, hasCollections));
            }
        }

        foreach (var record in builder.Records)
        {
            Add(record.Name, hasCollections: true);
        }

        foreach (var union in builder.Unions)
        {
            Add(union.Name, hasCollections: true);
        }

        foreach (var model in builder.Enums)
        {
            Add(model.Name, hasCollections: false);
        }

        return new ResolverModel(name, fileName, entries.ToEquatableArray());
    }
}
