using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Clerk.Models.Generator.Diagnostics;
using Clerk.Models.Generator.Emit;
using Clerk.Models.Generator.Input;
using Clerk.Models.Generator.Model;
using Clerk.Models.Generator.Read;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Clerk.Models.Generator;

/// <summary>
/// Turns every OpenAPI document listed as an <c>AdditionalFiles</c> item into records and converters.
/// The pipeline is read (text to <see cref="SpecModel"/>) then emit (model to C#); each step is cached
/// on value equality, so an edit that changes nothing in the model re-emits nothing.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ModelGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Untracked on purpose: these steps hold AdditionalText and options objects, which must not
        // be what the cache compares. The first tracked step holds only strings.
        var specFiles = context.AdditionalTextsProvider
            .Where(static file => SpecDetector.HasSpecExtension(file.Path));

        var inputs = specFiles
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) =>
            {
                var (file, options) = pair;
                var text = file.GetText(cancellationToken)?.ToString();
                if (text is null || !SpecDetector.LooksLikeSpec(file.Path, text))
                {
                    return null;
                }

                var fileOptions = options.GetOptions(file);

                // Item metadata wins over the project-wide property of the same option.
                string? Option(string metadata, string property)
                    => fileOptions.TryGetValue("build_metadata.AdditionalFiles." + metadata, out var value) && !string.IsNullOrWhiteSpace(value)
                        ? value
                        : options.GlobalOptions.TryGetValue("build_property." + property, out value) && !string.IsNullOrWhiteSpace(value) ? value : null;

                options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var rootNamespace);
                return new SpecInput(file.Path, text, new SpecOptions(
                    Option("Namespace", "ClerkModelsNamespace"),
                    rootNamespace,
                    Option("Accessibility", "ClerkModelsAccessibility"),
                    Option("IntegerType", "ClerkModelsIntegerType"),
                    Option("UnixTimestamps", "ClerkModelsUnixTimestamps"),
                    Option("UnixTimestampUnit", "ClerkModelsUnixTimestampUnit"),
                    Option("RequiredMembers", "ClerkModelsRequiredMembers")));
            })
            .Where(static input => input is not null)
            .Select(static (input, _) => input!)
            .WithTrackingName(TrackingNames.SpecInputs);

        // Where each spec puts its types, for $refs from one spec into another. Only paths and
        // namespaces: editing a spec's text leaves this unchanged and the other specs cached.
        var knownSpecs = inputs
            .Select(static (input, _) => SpecReader.Locate(input))
            .Collect()
            .Select(static (specs, _) => specs.ToEquatableArray())
            .WithTrackingName(TrackingNames.KnownSpecs);

        var results = inputs
            .Combine(knownSpecs)
            .Select(static (pair, cancellationToken) => SpecReader.Read(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.ReadResults);

        // Diagnostics and models are separate outputs: a whitespace edit moves diagnostic locations
        // but leaves the model equal, and then nothing is emitted again.
        var diagnostics = results
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (production, items) =>
        {
            foreach (var item in items)
            {
                production.ReportDiagnostic(item.ToDiagnostic());
            }
        });

        var features = context.CompilationProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, _) => Polyfills.Features(
                pair.Left,
                pair.Right.GlobalOptions.TryGetValue("build_property.ClerkModelsEmitPolyfills", out var emit) ? emit : null))
            .WithTrackingName(TrackingNames.Features);

        // Older frameworks (netstandard2.0, .NET Framework) lack the types 'init' and 'required' need:
        // emit them once per compilation, and only when some spec is generated.
        var anySpec = results.Collect().Select(static (all, _) => all.Any(r => r.Model is not null));
        context.RegisterSourceOutput(features.Combine(anySpec), static (production, pair) =>
        {
            if (pair.Right && !pair.Left.MissingPolyfills.IsEmpty)
            {
                production.AddSource("ClerkModels.Polyfills.g.cs", SourceText.From(Polyfills.Source(pair.Left.MissingPolyfills), Encoding.UTF8));
            }
        });

        var models = results
            .Select(static (result, _) => result.Model)
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.Models)
            .Combine(features)
            .WithTrackingName(TrackingNames.ModelsWithFeatures);

        context.RegisterSourceOutput(models, static (production, pair) => Emit(production, pair.Left, pair.Right));
    }

    private static void Emit(SourceProductionContext production, SpecModel spec, CompilationFeatures features)
    {
        var emitContext = new EmitContext(spec, features);
        var added = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string? currentType = null;
        try
        {
            foreach (var record in spec.Records)
            {
                currentType = record.Name;
                Add(production, spec, added, record.Name, record.FileName, RecordEmitter.Emit(emitContext, record));
            }

            foreach (var model in spec.Enums)
            {
                currentType = model.Name;
                Add(production, spec, added, model.Name, model.FileName, EnumEmitter.Emit(emitContext, model));
            }

            foreach (var union in spec.Unions)
            {
                currentType = union.Name;
                Add(production, spec, added, union.Name, union.FileName, UnionEmitter.Emit(emitContext, union));
            }

            currentType = spec.Resolver.Name;
            Add(production, spec, added, spec.Resolver.Name, spec.Resolver.FileName, ResolverEmitter.Emit(emitContext));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            production.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.UnexpectedException,
                LocationInfo.StartOf(spec.SpecPath).ToLocation(),
                "emitting " + (currentType ?? "the spec") + " of " + spec.SpecName + " failed with " + ex.GetType().Name + ": " + ex.Message));
        }
    }

    private static void Add(SourceProductionContext production, SpecModel spec, HashSet<string> added, string typeName, string fileName, string source)
    {
        // The reader makes file names unique within the spec, ignoring case as Roslyn does; the prefix
        // keeps specs apart. A clash inside the spec is the generator's own failure, not the user's.
        var hintName = spec.HintPrefix + "." + fileName + ".g.cs";
        if (!added.Add(hintName))
        {
            throw new InvalidOperationException("two of its files would be named '" + hintName + "'");
        }

        try
        {
            production.AddSource(hintName, SourceText.From(source, Encoding.UTF8));
        }
        catch (ArgumentException)
        {
            // Another spec's file has this hint name: two specs put the same type in one namespace.
            production.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.DuplicateType,
                LocationInfo.StartOf(spec.SpecPath).ToLocation(),
                typeName,
                spec.Namespace));
        }
    }
}
