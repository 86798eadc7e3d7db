namespace Clerk.Models.Generator.Model;

/// <summary>Everything needed to emit the C# for one spec file. Plain values only.</summary>
/// <param name="Files">The spec's generated files but the resolver's: one per component, with the inline types named from it.</param>
internal sealed record SpecModel(SpecHeader Header, EquatableArray<FileModel> Files, ResolverModel Resolver)
{
    public string SpecName => Header.SpecName;
}

/// <summary>What every generated file of a spec needs to know about the spec.</summary>
/// <param name="SpecPath">The spec file, for diagnostics found while emitting.</param>
/// <param name="SpecName">The file name without extension, safe for hint names and comments.</param>
/// <param name="HintPrefix">The start of the spec's hint names: its file name, made unique among the project's specs.</param>
internal sealed record SpecHeader(string SpecPath, string SpecName, string HintPrefix, string Namespace, bool IsPublic);

/// <summary>
/// One generated file: a component schema's type first, then the inline types named from it, in the
/// order they were named. Fewer, fuller files cost the compiler's generator driver less on every run.
/// </summary>
/// <param name="FileName">The file's part of its hint name (<c>{HintPrefix}.{FileName}.g.cs</c>), unique ignoring case within the spec.</param>
internal sealed record FileModel(string FileName, EquatableArray<TypeModel> Types);

/// <summary>One file to emit, with its spec's header: the unit the pipeline emits and caches.</summary>
internal sealed record FileToEmit(SpecHeader Spec, FileModel File);

/// <summary>A spec's resolver to emit, with its spec's header.</summary>
internal sealed record ResolverToEmit(SpecHeader Spec, ResolverModel Resolver);

/// <summary>Facts about the consuming compilation that change what the emitted code may use.</summary>
/// <param name="SupportsRequiredMembers">C# 11 or later: <c>required</c> can be used (its attributes are polyfilled where missing).</param>
/// <param name="HasDateOnly"><c>System.DateOnly</c> exists (.NET 6 and later), and the runtime build the consumer references reads and writes it.</param>
/// <param name="MissingPolyfills">Compiler-support types the generated code needs that the target framework lacks.</param>
internal sealed record CompilationFeatures(bool SupportsRequiredMembers, bool HasDateOnly, EquatableArray<string> MissingPolyfills);

/// <summary>The spec's <c>IJsonTypeInfoResolver</c>: one metadata property per generated type.</summary>
/// <param name="Name">The class, e.g. <c>ClerkUserJson</c>.</param>
/// <param name="FileName">Its part of its file's hint name (see <see cref="FileModel.FileName"/>).</param>
/// <param name="Entries">Records, then unions, then enums, in the order of their models.</param>
internal sealed record ResolverModel(string Name, string FileName, EquatableArray<ResolverEntry> Entries);

/// <param name="PropertyName">The resolver's property that gives the type's metadata.</param>
/// <param name="HasCollections">The resolver also gives metadata for lists and arrays of the type (records and unions).</param>
internal sealed record ResolverEntry(string TypeName, string PropertyName, bool HasCollections);
