namespace Clerk.Models.Generator;

internal static class GeneratorInfo
{
    /// <summary>The generator's version as written into <c>[GeneratedCode]</c>: major.minor.patch, nothing build-specific.</summary>
    public static readonly string Version = typeof(GeneratorInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
