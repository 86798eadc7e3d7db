using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Clerk.Models.Benchmarks.Mirror;
using Clerk.Models.Runtime;

namespace Clerk.Models.Benchmarks;

[BenchmarkCategory("read-typical")]
public class ReadTypical : UserReadBenchmarks
{
    protected override string PayloadName => "user-typical.json";
}

[BenchmarkCategory("read-minimal")]
public class ReadMinimal : UserReadBenchmarks
{
    protected override string PayloadName => "user-minimal.json";
}

[BenchmarkCategory("read-page")]
public class ReadPage : ReadBenchmarks<List<User>, List<MirrorUser>>
{
    private static readonly JsonTypeInfo<ValueList<User>> s_valueList
        = (JsonTypeInfo<ValueList<User>>)ClerkUserJson.Default.Options.GetTypeInfo(typeof(ValueList<User>));

    private byte[] _page = Array.Empty<byte>();

    protected override string PayloadName => "users-page-100.json";

    /// <summary>
    /// The page as the generated model's own list type, through the spec's resolver
    /// (<c>ClerkUserJson.Default</c>): no System.Text.Json collection converter around the generated one.
    /// </summary>
    [Benchmark]
    public ValueList<User> GeneratedValueList() => JsonSerializer.Deserialize(_page, s_valueList)!;

    protected override List<User> ReadDirect(ReadOnlySpan<byte> utf8) => GeneratedDirect.ReadPage(utf8);

    protected override void CheckMoreCandidates(byte[] utf8)
    {
        _page = utf8;
        JsonEquality.AssertExact(utf8, JsonSerializer.SerializeToUtf8Bytes(GeneratedValueList(), s_valueList), nameof(GeneratedValueList));
    }
}

[BenchmarkCategory("write-typical")]
public class WriteTypical : UserWriteBenchmarks
{
    protected override string PayloadName => "user-typical.json";
}

[BenchmarkCategory("write-minimal")]
public class WriteMinimal : UserWriteBenchmarks
{
    protected override string PayloadName => "user-minimal.json";
}

[BenchmarkCategory("write-page")]
public class WritePage : WriteBenchmarks<List<User>, List<MirrorUser>>
{
    protected override string PayloadName => "users-page-100.json";

    protected override void WriteDirect(Utf8JsonWriter writer, List<User> value) => GeneratedDirect.WritePage(writer, value);
}

public abstract class UserReadBenchmarks : ReadBenchmarks<User, MirrorUser>
{
    protected override User ReadDirect(ReadOnlySpan<byte> utf8) => GeneratedDirect.ReadUser(utf8);
}

public abstract class UserWriteBenchmarks : WriteBenchmarks<User, MirrorUser>
{
    protected override void WriteDirect(Utf8JsonWriter writer, User value) => User.JsonConverter.WriteValue(writer, value, JsonSerializerOptions.Default);
}

/// <summary>Every candidate reads the same UTF-8 bytes into its model.</summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public abstract class ReadBenchmarks<TGenerated, TMirror>
    where TGenerated : class
    where TMirror : class
{
    private byte[] _utf8 = Array.Empty<byte>();
    private JsonTypeInfo<TMirror> _metadata = null!;

    protected abstract string PayloadName { get; }

    [GlobalSetup]
    public void Setup()
    {
        _utf8 = Resources.Payload(PayloadName);
        _metadata = (JsonTypeInfo<TMirror>)MirrorMetadataContext.Default.GetTypeInfo(typeof(TMirror))!;

        // A reader that drops data shows when what it read is written back.
        JsonEquality.AssertExact(_utf8, JsonSerializer.SerializeToUtf8Bytes(Generated()), nameof(Generated));
        JsonEquality.AssertExact(_utf8, JsonSerializer.SerializeToUtf8Bytes(GeneratedReadValue()), nameof(GeneratedReadValue));
        var loss = JsonEquality.AssertRepresentable(_utf8, JsonSerializer.SerializeToUtf8Bytes(StjReflection(), MirrorSerializers.Reflection), typeof(TMirror), nameof(StjReflection));
        JsonEquality.AssertRepresentable(_utf8, JsonSerializer.SerializeToUtf8Bytes(StjSourceGen(), _metadata), typeof(TMirror), nameof(StjSourceGen));
        JsonEquality.AssertRepresentable(_utf8, Mirrors.WriteNewtonsoft(NewtonsoftJson()), typeof(TMirror), nameof(NewtonsoftJson));
        JsonEquality.AssertExact(_utf8, Floors.Write(Floor.Tokens(_utf8)), nameof(FloorReader));
        CheckMoreCandidates(_utf8);
        Console.WriteLine($"// Checked {PayloadName} ({_utf8.Length} bytes): generated exact, floor exact; mirrors: {loss}.");
    }

    /// <summary>Exactness checks for the candidates a category adds.</summary>
    protected virtual void CheckMoreCandidates(byte[] utf8)
    {
    }

    /// <summary>The generated converters through <see cref="JsonSerializer"/>, as the README shows.</summary>
    [Benchmark]
    public TGenerated Generated() => JsonSerializer.Deserialize<TGenerated>(_utf8)!;

    /// <summary>The generated converter called directly: <c>User.JsonConverter.ReadValue</c>.</summary>
    [Benchmark]
    public TGenerated GeneratedReadValue() => ReadDirect(_utf8);

    [Benchmark]
    public TMirror StjReflection() => JsonSerializer.Deserialize<TMirror>(_utf8, MirrorSerializers.Reflection)!;

    /// <summary>System.Text.Json's source generator in metadata mode: its only way to read.</summary>
    [Benchmark(Baseline = true)]
    public TMirror StjSourceGen() => JsonSerializer.Deserialize(_utf8, _metadata)!;

    /// <summary>Newtonsoft.Json reads text, so decoding the UTF-8 bytes is part of its cost.</summary>
    [Benchmark]
    public TMirror NewtonsoftJson()
    {
        using var text = new StreamReader(new MemoryStream(_utf8), Encoding.UTF8);
        using var json = new Newtonsoft.Json.JsonTextReader(text);
        return MirrorSerializers.NewtonsoftJson.Deserialize<TMirror>(json)!;
    }

    [Benchmark]
    public long FloorReader()
    {
        var checksum = default(Floor.Checksum);
        Floor.Read(_utf8, ref checksum);
        return checksum.Value;
    }

    protected abstract TGenerated ReadDirect(ReadOnlySpan<byte> utf8);
}

/// <summary>
/// Every candidate writes UTF-8 into a reused buffer (Newtonsoft.Json into its own reused stream),
/// so the allocations measured are the serializer's own, not the output's.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public abstract class WriteBenchmarks<TGenerated, TMirror>
    where TGenerated : class
    where TMirror : class
{
    private byte[] _utf8 = Array.Empty<byte>();
    private TGenerated _generated = null!;
    private TMirror _mirror = null!;
    private FloorToken[] _tokens = Array.Empty<FloorToken>();
    private JsonTypeInfo<TMirror> _fastPath = null!;
    private ArrayBufferWriter<byte> _buffer = null!;
    private Utf8JsonWriter _writer = null!;
    private MemoryStream _stream = null!;
    private StreamWriter _text = null!;

    protected abstract string PayloadName { get; }

    [GlobalSetup]
    public void Setup()
    {
        _utf8 = Resources.Payload(PayloadName);
        _fastPath = (JsonTypeInfo<TMirror>)MirrorFastPathContext.Default.GetTypeInfo(typeof(TMirror))!;
        _buffer = new ArrayBufferWriter<byte>(_utf8.Length * 2);
        _writer = new Utf8JsonWriter(_buffer);
        _stream = new MemoryStream(_utf8.Length * 2);
        _text = new StreamWriter(_stream, new UTF8Encoding(false), 16 * 1024, leaveOpen: true);

        _generated = JsonSerializer.Deserialize<TGenerated>(_utf8)!;
        _mirror = JsonSerializer.Deserialize<TMirror>(_utf8, MirrorSerializers.Reflection)!;
        _tokens = Floor.Tokens(_utf8);

        var generated = Written(Generated());
        JsonEquality.AssertExact(_utf8, generated, nameof(Generated));
        JsonEquality.AssertExact(_utf8, Written(GeneratedWriteValue()), nameof(GeneratedWriteValue));
        var mirror = Written(StjReflection());
        var loss = JsonEquality.AssertRepresentable(_utf8, mirror, typeof(TMirror), nameof(StjReflection));
        JsonEquality.AssertRepresentable(_utf8, Written(StjSourceGenFastPath()), typeof(TMirror), nameof(StjSourceGenFastPath));
        NewtonsoftJson();
        JsonEquality.AssertRepresentable(_utf8, _stream.ToArray(), typeof(TMirror), nameof(NewtonsoftJson));
        JsonEquality.AssertExact(_utf8, Written(FloorWriter()), nameof(FloorWriter));
        Console.WriteLine($"// Checked {PayloadName} ({_utf8.Length} bytes): generated writes {generated.Length} bytes, exact; floor exact; "
            + $"mirrors write {mirror.Length} bytes: {loss}.");
    }

    /// <summary>The generated converters through <see cref="JsonSerializer"/>.</summary>
    [Benchmark]
    public int Generated()
    {
        Start();
        JsonSerializer.Serialize(_writer, _generated);
        return End();
    }

    /// <summary>The generated converter called directly: <c>User.JsonConverter.WriteValue</c>.</summary>
    [Benchmark]
    public int GeneratedWriteValue()
    {
        Start();
        WriteDirect(_writer, _generated);
        return End();
    }

    [Benchmark]
    public int StjReflection()
    {
        Start();
        JsonSerializer.Serialize(_writer, _mirror, MirrorSerializers.Reflection);
        return End();
    }

    /// <summary>System.Text.Json's source generator in serialization mode: the fast path.</summary>
    [Benchmark(Baseline = true)]
    public int StjSourceGenFastPath()
    {
        Start();
        JsonSerializer.Serialize(_writer, _mirror, _fastPath);
        return End();
    }

    /// <summary>Newtonsoft.Json writes text: through a reused StreamWriter into a reused MemoryStream.</summary>
    [Benchmark]
    public int NewtonsoftJson()
    {
        _stream.SetLength(0);
        using (var json = new Newtonsoft.Json.JsonTextWriter(_text) { CloseOutput = false })
        {
            MirrorSerializers.NewtonsoftJson.Serialize(json, _mirror);
        }

        _text.Flush();
        return (int)_stream.Length;
    }

    [Benchmark]
    public int FloorWriter()
    {
        Start();
        Floor.Write(_writer, _tokens);
        return End();
    }

    protected abstract void WriteDirect(Utf8JsonWriter writer, TGenerated value);

    private void Start()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
    }

    private int End()
    {
        _writer.Flush();
        return _buffer.WrittenCount;
    }

    private byte[] Written(int length) => _buffer.WrittenSpan[..length].ToArray();
}

/// <summary>The direct calls into the generated converters, for one user and for a page.</summary>
internal static class GeneratedDirect
{
    public static User ReadUser(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        reader.Read();
        return User.JsonConverter.ReadValue(ref reader, JsonSerializerOptions.Default);
    }

    public static List<User> ReadPage(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        reader.Read();
        var users = new List<User>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            users.Add(User.JsonConverter.ReadValue(ref reader, JsonSerializerOptions.Default));
        }

        return users;
    }

    public static void WritePage(Utf8JsonWriter writer, List<User> users)
    {
        writer.WriteStartArray();
        foreach (var user in users)
        {
            User.JsonConverter.WriteValue(writer, user, JsonSerializerOptions.Default);
        }

        writer.WriteEndArray();
    }
}

internal static class Mirrors
{
    public static byte[] WriteNewtonsoft(object value)
    {
        using var text = new StringWriter();
        MirrorSerializers.NewtonsoftJson.Serialize(text, value);
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}

internal static class Floors
{
    public static byte[] Write(FloorToken[] tokens)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Floor.Write(writer, tokens);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
