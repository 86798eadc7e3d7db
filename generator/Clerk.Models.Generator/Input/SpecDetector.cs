using System;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Clerk.Models.Generator.Input;

/// <summary>
/// Decides cheaply whether an additional file is an OpenAPI document: a <c>.yaml</c>, <c>.yml</c> or
/// <c>.json</c> file whose root object has an <c>openapi</c> or <c>swagger</c> key. Every other
/// additional file is left alone without a word.
/// </summary>
internal static class SpecDetector
{
    public static bool HasSpecExtension(string path)
    {
        var extension = Path.GetExtension(path);
        return extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".json", StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsJson(string path) => Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase);

    /// <summary>JSON is YAML too: a .yaml file that holds a JSON object is checked as JSON.</summary>
    public static bool LooksLikeSpec(string path, string text)
        => IsJson(path) || text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith("{", StringComparison.Ordinal)
            ? JsonRootHasSpecKey(text)
            : YamlRootHasSpecKey(text);

    private static bool JsonRootHasSpecKey(string text)
    {
        var reader = new Utf8JsonReader(
            Encoding.UTF8.GetBytes(text.TrimStart('\uFEFF')),
            new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 4096 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("openapi") || reader.ValueTextEquals("swagger"))
                {
                    return true;
                }

                reader.Read();
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // A broken file that still names itself a spec near the top is reported as a syntax error;
            // anything else is not ours.
            return text.IndexOf("\"openapi\"", StringComparison.Ordinal) >= 0
                || text.IndexOf("\"swagger\"", StringComparison.Ordinal) >= 0;
        }

        return false;
    }

    /// <summary>Looks for a top-level (unindented) <c>openapi:</c> or <c>swagger:</c> key, optionally quoted.</summary>
    private static bool YamlRootHasSpecKey(string text)
    {
        using var reader = new StringReader(text);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var key = line.TrimStart('\uFEFF');
            if (key.StartsWith("{", StringComparison.Ordinal))
            {
                key = key.Substring(1).TrimStart();
            }

            if (key.Length > 0 && (key[0] == '"' || key[0] == '\''))
            {
                var quote = key[0];
                var end = key.IndexOf(quote, 1);
                if (end > 0)
                {
                    key = key.Substring(1, end - 1) + key.Substring(end + 1);
                }
            }

            if (key.StartsWith("openapi", StringComparison.Ordinal) || key.StartsWith("swagger", StringComparison.Ordinal))
            {
                var rest = key.Substring(7).TrimStart();
                if (rest.StartsWith(":", StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
