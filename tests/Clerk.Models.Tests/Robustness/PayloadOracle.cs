using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Clerk.Models.Testing;
using Xunit.Sdk;

namespace Clerk.Models.Tests.Robustness;

/// <summary>How reading a hostile payload ended, when it ended as the rules allow.</summary>
public enum PayloadOutcome
{
    RoundTripped,
    Refused,
}

/// <summary>
/// The rule every payload must follow: reading it either gives a record that writes the same JSON
/// back (and reads back equal, with an equal hash code), or throws a <see cref="JsonException"/>
/// whose <see cref="JsonException.Path"/> is set. Any other exception, or a record that does not
/// write back what was read, breaks the rule.
/// </summary>
public static class PayloadOracle
{
    /// <summary>
    /// Checks the rule for <paramref name="json"/>. A refusal must point at <paramref name="mutatedPath"/>,
    /// one of its ancestors (a member missing from its object) or inside the value put there.
    /// </summary>
    public static PayloadOutcome Check<T>(string json, string? mutatedPath = null, string? expectedJson = null)
        where T : class
        => Check<T>(Encoding.UTF8.GetBytes(json), mutatedPath, expectedJson ?? json);

    /// <param name="expectedJson">What must be written back, when a documented canonical form differs from the input.</param>
    public static PayloadOutcome Check<T>(byte[] utf8, string? mutatedPath = null, string? expectedJson = null)
        where T : class
    {
        T? value;
        try
        {
            value = JsonSerializer.Deserialize<T>(utf8);
        }
        catch (JsonException ex)
        {
            if (ex.Path is null)
            {
                throw new XunitException($"JsonException without a Path: {ex.Message}\nPayload: {Show(utf8)}");
            }

            if (mutatedPath is not null && !IsAtOrAbove(ex.Path, mutatedPath) && !IsAtOrAbove(mutatedPath, ex.Path))
            {
                throw new XunitException($"The error points at {ex.Path}, but the payload was changed at {mutatedPath}: {ex.Message}\nPayload: {Show(utf8)}");
            }

            return PayloadOutcome.Refused;
        }
        catch (Exception ex)
        {
            throw new XunitException($"Reading threw {ex.GetType().FullName} instead of a JsonException: {ex.Message}\nPayload: {Show(utf8)}", ex);
        }

        if (value is null)
        {
            // JsonSerializer gives null for a JSON null without asking the converter.
            if (Encoding.UTF8.GetString(utf8).Trim() == "null")
            {
                return PayloadOutcome.RoundTripped;
            }

            throw new XunitException("Reading returned null for a payload that is not 'null'.\nPayload: " + Show(utf8));
        }

        AssertWritesBack(value, expectedJson ?? Encoding.UTF8.GetString(utf8));
        return PayloadOutcome.RoundTripped;
    }

    /// <summary>Writes <paramref name="value"/>, compares it with <paramref name="expectedJson"/>, reads it back and compares the records.</summary>
    public static void AssertWritesBack<T>(T value, string expectedJson)
        where T : class
    {
        string written;
        try
        {
            written = JsonSerializer.Serialize(value);
        }
        catch (Exception ex)
        {
            throw new XunitException($"A record that was read cannot be written: {ex.GetType().FullName}: {ex.Message}", ex);
        }

        JsonAssert.Equal(expectedJson, written);
        var again = JsonSerializer.Deserialize<T>(written)!;
        if (!value.Equals(again) || value.GetHashCode() != again.GetHashCode())
        {
            throw new XunitException("The record read back from what it wrote is not equal to it (or has another hash code).\nWritten: " + written);
        }
    }

    /// <summary>Whether <paramref name="errorPath"/> is <paramref name="changedPath"/> or an ancestor of it.</summary>
    public static bool IsAtOrAbove(string errorPath, string changedPath)
        => changedPath == errorPath
           || (changedPath.StartsWith(errorPath, StringComparison.Ordinal) && changedPath[errorPath.Length] is '.' or '[');

    /// <summary>Every value in the document with its JSON path, written as the converters write paths ($.a[0].b).</summary>
    public static List<(string Path, JsonNode? Node)> Values(JsonNode root)
    {
        var values = new List<(string, JsonNode?)>();
        Walk(root, "$");
        return values;

        void Walk(JsonNode? node, string path)
        {
            values.Add((path, node));
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (name, child) in obj)
                    {
                        Walk(child, path + "." + name);
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        Walk(array[i], path + "[" + i + "]");
                    }

                    break;
            }
        }
    }

    /// <summary>A copy of <paramref name="root"/> with the value at <paramref name="path"/> replaced (or removed when <paramref name="replacement"/> is <see cref="Remove"/>).</summary>
    public static string Replace(JsonNode root, string path, string replacement)
    {
        var copy = root.DeepClone();
        var (parent, name, index) = Locate(copy, path);
        var value = replacement == Remove ? null : JsonNode.Parse(replacement, documentOptions: new JsonDocumentOptions { MaxDepth = 100 });
        switch (parent)
        {
            case JsonObject obj when replacement == Remove:
                obj.Remove(name!);
                break;
            case JsonObject obj:
                obj[name!] = value;
                break;
            case JsonArray array when replacement == Remove:
                array.RemoveAt(index);
                break;
            case JsonArray array:
                array[index] = value;
                break;
        }

        return copy.ToJsonString();
    }

    /// <summary>Marks a removal for <see cref="Replace"/>.</summary>
    public const string Remove = "\u0000remove";

    /// <summary>
    /// The document written with the member at <paramref name="path"/> preceded by a duplicate
    /// holding <paramref name="firstValue"/>: when the last duplicate wins, it reads as the original.
    /// </summary>
    public static string WithDuplicateBefore(JsonNode root, string path, string firstValue)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(root, "$");

            void Write(JsonNode? node, string at)
            {
                switch (node)
                {
                    case JsonObject obj:
                        // An empty path writes the document unchanged.
                        writer.WriteStartObject();
                        foreach (var (name, child) in obj)
                        {
                            if (at + "." + name == path)
                            {
                                writer.WritePropertyName(name);
                                writer.WriteRawValue(firstValue);
                            }

                            writer.WritePropertyName(name);
                            Write(child, at + "." + name);
                        }

                        writer.WriteEndObject();
                        break;
                    case JsonArray array:
                        writer.WriteStartArray();
                        for (var i = 0; i < array.Count; i++)
                        {
                            Write(array[i], at + "[" + i + "]");
                        }

                        writer.WriteEndArray();
                        break;
                    case null:
                        writer.WriteNullValue();
                        break;
                    default:
                        node.WriteTo(writer);
                        break;
                }
            }
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads from a sequence of <paramref name="segmentSize"/>-byte segments, so that every token may span segments.</summary>
    public static T? DeserializeSegmented<T>(byte[] utf8, int segmentSize, JsonSerializerOptions? options = null)
    {
        var reader = new Utf8JsonReader(Segmented(utf8, segmentSize), new JsonReaderOptions { MaxDepth = options?.MaxDepth ?? 0 });
        return JsonSerializer.Deserialize<T>(ref reader, options);
    }

    public static ReadOnlySequence<byte> Segmented(byte[] utf8, int segmentSize)
    {
        if (utf8.Length == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }

        Segment? first = null;
        Segment? last = null;
        for (var offset = 0; offset < utf8.Length; offset += segmentSize)
        {
            var memory = new ReadOnlyMemory<byte>(utf8, offset, Math.Min(segmentSize, utf8.Length - offset));
            var segment = new Segment(memory, last?.RunningIndex + last?.Memory.Length ?? 0);
            if (last is null)
            {
                first = segment;
            }
            else
            {
                last.SetNext(segment);
            }

            last = segment;
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    /// <summary>Removes insignificant whitespace, byte for byte (strings are copied as they are, even when not valid UTF-8).</summary>
    public static byte[] Minify(byte[] utf8)
    {
        var output = new List<byte>(utf8.Length);
        var inString = false;
        for (var i = 0; i < utf8.Length; i++)
        {
            var b = utf8[i];
            if (inString)
            {
                output.Add(b);
                if (b == (byte)'\\')
                {
                    output.Add(utf8[++i]);
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }
            }
            else if (b is not ((byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'))
            {
                output.Add(b);
                inString = b == (byte)'"';
            }
        }

        return output.ToArray();
    }

    public static string Show(byte[] utf8) => Show(Encoding.UTF8.GetString(utf8));

    public static string Show(string text) => text.Length > 300 ? text.Substring(0, 300) + $"… ({text.Length} characters)" : text;

    /// <summary>The value at <paramref name="path"/>, as compact JSON.</summary>
    public static string At(string json, string path)
    {
        var root = JsonNode.Parse(json)!;
        var (parent, name, index) = Locate(root, path);
        var node = path == "$" ? root : parent is JsonObject obj ? obj[name!] : parent![index];
        return node?.ToJsonString() ?? "null";
    }

    private static (JsonNode? Parent, string? Name, int Index) Locate(JsonNode root, string path)
    {
        JsonNode? parent = null;
        string? name = null;
        var index = -1;
        var current = root;
        var i = 1;
        while (i < path.Length)
        {
            parent = current;
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(new[] { '.', '[' }, i + 1);
                name = end < 0 ? path.Substring(i + 1) : path.Substring(i + 1, end - i - 1);
                index = -1;
                current = current![name];
                i = end < 0 ? path.Length : end;
            }
            else
            {
                var end = path.IndexOf(']', i);
                index = int.Parse(path.Substring(i + 1, end - i - 1), System.Globalization.CultureInfo.InvariantCulture);
                name = null;
                current = current![index];
                i = end + 1;
            }
        }

        return (parent, name, index);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public void SetNext(Segment next) => Next = next;
    }
}
