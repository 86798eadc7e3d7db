using System;
using System.IO;
using System.Text;
using System.Text.Json;
using Clerk.Models.Runtime;
using Clerk.Models.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Clerk.Models.Tests.Robustness;

/// <summary>
/// A page of 10,000 users reads and writes back exactly, with memory proportional to its size:
/// allocations are counted (deterministic), not timed.
/// </summary>
public sealed class PageSizeTests(ITestOutputHelper output)
{
    [Fact]
    public void Ten_thousand_users_read_and_write_with_memory_proportional_to_the_page()
    {
        var small = Page(1_000);
        var large = Page(10_000);

        var (smallRead, smallWrite) = Measure(small);
        var (largeRead, largeWrite) = Measure(large);
        output.WriteLine($"1,000 users: {small.Length:N0} bytes, read allocates {smallRead:N0} B, write {smallWrite:N0} B besides the output");
        output.WriteLine($"10,000 users: {large.Length:N0} bytes, read allocates {largeRead:N0} B, write {largeWrite:N0} B besides the output");

        // Reading keeps every user: its allocations grow with the page and stay within a small multiple of it.
        Assert.InRange((double)largeRead / smallRead, 9.0, 11.0);
        Assert.True(largeRead < 3L * large.Length, $"Reading {large.Length:N0} bytes allocated {largeRead:N0} bytes.");

        // Writing allocates nothing per user: only the output grows with the page.
        Assert.True(largeWrite < 64 * 1024, $"Writing 10,000 users allocated {largeWrite:N0} bytes besides the output.");
    }

    private static readonly System.Text.Json.Serialization.Metadata.JsonTypeInfo<ValueList<User>> PageInfo
        = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<ValueList<User>>)ClerkUserJson.Default.Options.GetTypeInfo(typeof(ValueList<User>));

    private static (long Read, long Write) Measure(byte[] page)
    {
        // Once untimed so that the metadata and converters are built before counting.
        var warm = JsonSerializer.Deserialize(page, PageInfo)!;
        JsonAssert.Equal(Encoding.UTF8.GetString(page), Encoding.UTF8.GetString(Write(warm)));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var users = JsonSerializer.Deserialize(page, PageInfo)!;
        var read = GC.GetAllocatedBytesForCurrentThread() - before;

        // The output itself is proportional by nature; what is counted is everything else.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(page.Length * 2);
        using var writer = new Utf8JsonWriter(buffer);
        before = GC.GetAllocatedBytesForCurrentThread();
        JsonSerializer.Serialize(writer, users, PageInfo);
        writer.Flush();
        var write = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(warm, users);
        return (read, write);
    }

    private static byte[] Write(ValueList<User> users)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            JsonSerializer.Serialize(writer, users, PageInfo);
        }

        return stream.ToArray();
    }

    /// <summary>The typical user, minified, repeated with a distinct id each time.</summary>
    private static byte[] Page(int count)
    {
        var user = Encoding.UTF8.GetString(PayloadOracle.Minify(Encoding.UTF8.GetBytes(Payloads.Read("user-typical.json"))));
        var id = JsonDocument.Parse(user).RootElement.GetProperty("id").GetString()!;
        var page = new StringBuilder(count * (user.Length + 8)).Append('[');
        for (var i = 0; i < count; i++)
        {
            page.Append(i == 0 ? string.Empty : ",").Append(user.Replace("\"" + id + "\"", "\"" + id + "_" + i + "\""));
        }

        return Encoding.UTF8.GetBytes(page.Append(']').ToString());
    }
}
