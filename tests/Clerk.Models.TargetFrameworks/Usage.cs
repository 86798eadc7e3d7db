using System.Text.Json;

namespace TargetFrameworks;

/// <summary>Code a consumer writes against the generated types, compiled for every target framework.</summary>
public static class Usage
{
    public static string? FirstName(string json) => JsonSerializer.Deserialize<Clerk.User>(json)?.FirstName;

    public static System.DateTimeOffset? LastSignIn(Clerk.User user) => user.LastSignInAt;

    internal static int ShapeCount(string json) => JsonSerializer.Deserialize<Shapes.Drawing>(json)?.Shapes.Count ?? 0;
}
