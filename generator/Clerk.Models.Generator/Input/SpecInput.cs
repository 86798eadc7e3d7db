namespace Clerk.Models.Generator.Input;

/// <summary>
/// One additional file that looks like a spec, with the options that apply to it.
/// Only strings: the <c>AdditionalText</c> and options objects stay behind in the pipeline.
/// </summary>
internal sealed record SpecInput(string Path, string Text, SpecOptions Options);

/// <summary>
/// Options for one spec, as written in MSBuild (not yet validated): the item's metadata, or else the
/// project-wide <c>ClerkModels*</c> property.
/// </summary>
/// <param name="Namespace">The namespace of the spec's types.</param>
/// <param name="RootNamespace">The project's <c>RootNamespace</c>, used for the default namespace.</param>
/// <param name="Accessibility"><c>public</c> or <c>internal</c>.</param>
/// <param name="IntegerType">The C# type of <c>integer</c> without a format: <c>int64</c> or <c>int32</c>.</param>
/// <param name="UnixTimestamps">Integer members to read as <c>DateTimeOffset</c>: names with <c>*</c> wildcards, separated by ';'.</param>
/// <param name="UnixTimestampUnit"><c>milliseconds</c> or <c>seconds</c>.</param>
/// <param name="RequiredMembers"><c>enforce</c> or <c>lenient</c>: whether a payload must carry the members the spec requires.</param>
/// <param name="Include">Component schemas to generate, with what they refer to: names with <c>*</c> wildcards, separated by ',' or ';'.</param>
/// <param name="Exclude">Component schemas not to generate unless a generated one refers to them: same syntax.</param>
/// <param name="WebhookEventMember">The body member whose value is the webhook's name, which the <c>WebhookEvent</c> union picks its case by.</param>
internal sealed record SpecOptions(
    string? Namespace,
    string? RootNamespace,
    string? Accessibility = null,
    string? IntegerType = null,
    string? UnixTimestamps = null,
    string? UnixTimestampUnit = null,
    string? RequiredMembers = null,
    string? Include = null,
    string? Exclude = null,
    string? WebhookEventMember = null);

/// <summary>Where another spec of the compilation puts its types: for <c>$ref</c>s into that file.</summary>
internal sealed record KnownSpec(string Path, string Namespace);
