namespace Clerk.Models.Generator;

/// <summary>The names of the pipeline's steps, so tests can check what each step did on a re-run.</summary>
internal static class TrackingNames
{
    public const string SpecInputs = nameof(SpecInputs);
    public const string KnownSpecs = nameof(KnownSpecs);
    public const string ReadResults = nameof(ReadResults);
    public const string Models = nameof(Models);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Features = nameof(Features);
    public const string Files = nameof(Files);
    public const string FilesWithFeatures = nameof(FilesWithFeatures);
    public const string Resolvers = nameof(Resolvers);
}
