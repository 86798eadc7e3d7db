using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Clerk.Models.Benchmarks;

/// <summary>One token of a payload, read once so that the writing floor only writes.</summary>
internal readonly record struct FloorToken(JsonTokenType Type, string? Text, long Int64, double Double, bool IsInt64);

/// <summary>
/// The floor: the least work any reader or writer of these payloads does. Reading visits every
/// token, materializes every string and property name and parses every number; writing writes the
/// same token stream from values read beforehand.
/// </summary>
internal static class Floor
{
    public interface ISink
    {
        void Text(JsonTokenType type, string value);

        void Int64(long value);

        void Double(double value);

        void Other(JsonTokenType type);
    }

    /// <summary>A sink that only keeps enough of each value that the work cannot be skipped.</summary>
    public struct Checksum : ISink
    {
        public long Value;

        public void Text(JsonTokenType type, string value) => Value += value.Length;

        public void Int64(long value) => Value += value;

        public void Double(double value) => Value += (long)value;

        public void Other(JsonTokenType type) => Value++;
    }

    public struct Recorder : ISink
    {
        public List<FloorToken> Tokens;

        public void Text(JsonTokenType type, string value) => Tokens.Add(new FloorToken(type, value, 0, 0, false));

        public void Int64(long value) => Tokens.Add(new FloorToken(JsonTokenType.Number, null, value, 0, true));

        public void Double(double value) => Tokens.Add(new FloorToken(JsonTokenType.Number, null, 0, value, false));

        public void Other(JsonTokenType type) => Tokens.Add(new FloorToken(type, null, 0, 0, false));
    }

    // Generic over a struct sink so that the timed pass and the recording pass are one piece of code.
    public static void Read<TSink>(ReadOnlySpan<byte> utf8, ref TSink sink)
        where TSink : struct, ISink
    {
        var reader = new Utf8JsonReader(utf8);
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                case JsonTokenType.String:
                    sink.Text(reader.TokenType, reader.GetString()!);
                    break;
                case JsonTokenType.Number:
                    if (reader.TryGetInt64(out var int64))
                    {
                        sink.Int64(int64);
                    }
                    else
                    {
                        sink.Double(reader.GetDouble());
                    }

                    break;
                default:
                    sink.Other(reader.TokenType);
                    break;
            }
        }
    }

    public static FloorToken[] Tokens(ReadOnlySpan<byte> utf8)
    {
        var recorder = new Recorder { Tokens = new List<FloorToken>() };
        Read(utf8, ref recorder);
        return recorder.Tokens.ToArray();
    }

    public static void Write(Utf8JsonWriter writer, FloorToken[] tokens)
    {
        foreach (ref readonly var token in tokens.AsSpan())
        {
            switch (token.Type)
            {
                case JsonTokenType.StartObject:
                    writer.WriteStartObject();
                    break;
                case JsonTokenType.EndObject:
                    writer.WriteEndObject();
                    break;
                case JsonTokenType.StartArray:
                    writer.WriteStartArray();
                    break;
                case JsonTokenType.EndArray:
                    writer.WriteEndArray();
                    break;
                case JsonTokenType.PropertyName:
                    writer.WritePropertyName(token.Text!);
                    break;
                case JsonTokenType.String:
                    writer.WriteStringValue(token.Text);
                    break;
                case JsonTokenType.Number when token.IsInt64:
                    writer.WriteNumberValue(token.Int64);
                    break;
                case JsonTokenType.Number:
                    writer.WriteNumberValue(token.Double);
                    break;
                case JsonTokenType.True:
                    writer.WriteBooleanValue(true);
                    break;
                case JsonTokenType.False:
                    writer.WriteBooleanValue(false);
                    break;
                case JsonTokenType.Null:
                    writer.WriteNullValue();
                    break;
                default:
                    throw new InvalidOperationException($"Unexpected token {token.Type}.");
            }
        }
    }
}
