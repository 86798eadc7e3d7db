using System;
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
                    Option("RequiredMembers", "ClerkModelsRequiredMembers"),
                    Option("Include", "ClerkModelsInclude"),
                    Option("Exclude", "ClerkModelsExclude"),
                    Option("WebhookEventMember", "ClerkModelsWebhookEventMember")));
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
            .WithTrackingName(TrackingNames.Models);

        // One entry per generated file, not per spec: the driver re-adds every cached file on every run
        // and checks its hint name against the others, which costs less in small batches, and a spec
        // edit re-emits only the files whose types changed.
        var files = models
            .SelectMany(static (spec, _) => spec.Files.Select(file => new FileToEmit(spec.Header, file)))
            .WithTrackingName(TrackingNames.Files)
            .Combine(features)
            .WithTrackingName(TrackingNames.FilesWithFeatures);
        context.RegisterSourceOutput(files, static (production, pair) => EmitFile(production, pair.Left, pair.Right));

        var resolvers = models
            .Select(static (spec, _) => new ResolverToEmit(spec.Header, spec.Resolver))
            .WithTrackingName(TrackingNames.Resolvers)
            .Combine(features);
        context.RegisterSourceOutput(resolvers, static (production, pair) => EmitResolver(production, pair.Left, pair.Right));
    }

    private static void EmitFile(SourceProductionContext production, FileToEmit file, CompilationFeatures features)
        => Emit(production, file.Spec, file.File.FileName, file.File.Types.IsEmpty ? file.File.FileName : file.File.Types[0].Name, () => FileEmitter.Emit(new EmitContext(file.Spec, features), file.File));

    private static void EmitResolver(SourceProductionContext production, ResolverToEmit resolver, CompilationFeatures features)
        => Emit(production, resolver.Spec, resolver.Resolver.FileName, resolver.Resolver.Name, () => ResolverEmitter.Emit(new EmitContext(resolver.Spec, features), resolver.Resolver));

    /// <summary>Adds one file; a failure is reported on the spec as CMG009 and never reaches the compiler.</summary>
    private static void Emit(SourceProductionContext production, SpecHeader spec, string fileName, string typeName, Func<string> emit)
    {
        string source;
        try
        {
            source = emit();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            production.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.UnexpectedException,
                LocationInfo.StartOf(spec.SpecPath).ToLocation(),
                "emitting " + typeName + " of " + spec.SpecName + " failed with " + ex.GetType().Name + ": " + ex.Message));
            return;
        }

        Add(production, spec, typeName, fileName, source);
    }

    private static void Add(SourceProductionContext production, SpecHeader spec, string typeName, string fileName, string source)
    {
        // The reader makes file names unique within the spec, ignoring case as Roslyn does; the prefix
        // keeps specs apart.
        var hintName = spec.HintPrefix + "." + fileName + ".g.cs";
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
