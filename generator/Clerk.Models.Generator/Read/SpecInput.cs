namespace Clerk.Models.Generator.Read;

/// <summary>
/// One additional file that looks like a spec, with the options that apply to it.
/// Only strings: the <c>AdditionalText</c> and options objects stay behind in the pipeline.
/// </summary>
internal sealed record SpecInput(string Path, string Text, SpecOptions Options);

/// <summary>Options for one spec, as written in MSBuild (not yet validated).</summary>
/// <param name="Namespace">The <c>Namespace</c> item metadata, if any.</param>
/// <param name="RootNamespace">The project's <c>RootNamespace</c>, used for the default namespace.</param>
internal sealed record SpecOptions(string? Namespace, string? RootNamespace);
