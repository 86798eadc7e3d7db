using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Clerk.Models.Runtime.Tests;

internal delegate T ReaderFunc<T>(ref Utf8JsonReader reader);

internal static class TestJson
{
    /// <summary>Runs <paramref name="read"/> on a reader positioned on the first token of <paramref name="json"/>.</summary>
    public static T Read<T>(string json, ReaderFunc<T> read)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        Assert.True(reader.Read());
        return read(ref reader);
    }

    /// <summary>Asserts that reading throws exactly <see cref="JsonException"/> (not a subclass) and returns it.</summary>
    public static JsonException Throws<T>(string json, ReaderFunc<T> read)
    {
        try
        {
            Read(json, read);
        }
        catch (JsonException ex)
        {
            Assert.Equal(typeof(JsonException), ex.GetType());
            return ex;
        }

        throw new Xunit.Sdk.XunitException("Expected a JsonException.");
    }

    /// <summary>Runs <paramref name="read"/> on a reader over <paramref name="json"/> and returns what it threw, of any type.</summary>
    public static Exception Catch<T>(string json, ReaderFunc<T> read, bool isFinalBlock = true)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), isFinalBlock, state: default);
        Assert.True(reader.Read());
        try
        {
            read(ref reader);
        }
        catch (Exception ex)
        {
            return ex;
        }

        throw new Xunit.Sdk.XunitException("Expected an exception.");
    }

    /// <summary>Runs <paramref name="read"/> on a reader over <paramref name="json"/> cut into segments of <paramref name="chunkSize"/> bytes.</summary>
    public static T ReadSegmented<T>(string json, int chunkSize, ReaderFunc<T> read)
    {
        var reader = new Utf8JsonReader(Segmented(Encoding.UTF8.GetBytes(json), chunkSize));
        Assert.True(reader.Read());
        return read(ref reader);
    }

    /// <summary>Returns the text that <paramref name="write"/> writes.</summary>
    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Returns the text that <paramref name="write"/> writes between <c>{</c> and <c>}</c>.</summary>
    public static string WriteObject(Action<Utf8JsonWriter> write) => Write(writer =>
    {
        writer.WriteStartObject();
        write(writer);
        writer.WriteEndObject();
    });

    /// <summary>Builds a sequence with one segment per chunk so that readers see HasValueSequence.</summary>
    public static ReadOnlySequence<byte> Segmented(byte[] bytes, int chunkSize)
    {
        Segment? first = null;
        Segment? last = null;
        for (int i = 0; i < bytes.Length; i += chunkSize)
        {
            var memory = new ReadOnlyMemory<byte>(bytes, i, Math.Min(chunkSize, bytes.Length - i));
            if (first is null)
            {
                first = last = new Segment(memory, 0);
            }
            else
            {
                last = last!.Append(memory);
            }
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
