using System;
using System.Buffers;
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
