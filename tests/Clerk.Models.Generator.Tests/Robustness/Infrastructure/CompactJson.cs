using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Clerk.Models.Generator.Tests.Robustness.Infrastructure;

/// <summary>Compact JSON written the way JsonSerializer writes it (default encoder), so a round trip can be compared as text.</summary>
public static class CompactJson
{
    public static string Object(IEnumerable<KeyValuePair<string, object?>> members)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in members)
            {
                writer.WritePropertyName(name);
                switch (value)
                {
                    case null:
                        writer.WriteNullValue();
                        break;
                    case string text:
                        writer.WriteStringValue(text);
                        break;
                    case bool flag:
                        writer.WriteBooleanValue(flag);
                        break;
                    case long number:
                        writer.WriteNumberValue(number);
                        break;
                    case int number:
                        writer.WriteNumberValue(number);
                        break;
                    default:
                        writer.WriteRawValue(value.ToString()!);
                        break;
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string Object(params (string Name, object? Value)[] members)
    {
        var pairs = new List<KeyValuePair<string, object?>>();
        foreach (var (name, value) in members)
        {
            pairs.Add(new KeyValuePair<string, object?>(name, value));
        }

        return Object(pairs);
    }
}
