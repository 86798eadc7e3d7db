using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace Clerk.Models.Tests.Robustness;

/// <summary>
/// Payloads at the limits: 10,000 levels of nesting (refused at the serializer's MaxDepth, kept
/// exactly when the caller raises it, never a stack overflow), 5 MB strings, and documents that
/// are not a user at all.
/// </summary>
public sealed class PayloadLimitTests
{
    private const int Depth = 10_000;

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    /// <summary>user-minimal.json without whitespace: ASCII only and in spec order, so it is written back byte for byte.</summary>
    private static readonly string Minimal = Encoding.UTF8.GetString(PayloadOracle.Minify(Encoding.UTF8.GetBytes(Payloads.Read("user-minimal.json"))));

    public static TheoryData<string, string> DeepPlaces() => new()
    {
        { "public_metadata", "$.public_metadata" },
        { "unknown member", "$.x_deep" },
        { "verification", "$.email_addresses[0].verification" },
        { "inside a verification", "$.email_addresses[0].verification" },
        { "unknown member of an email address", "$.email_addresses[0].x_deep" },
    };

    [Theory]
    [MemberData(nameof(DeepPlaces))]
    public void Ten_thousand_levels_of_arrays_are_refused_at_max_depth_with_a_path(string place, string path)
        => AssertRefusedAtMaxDepth(WithDeepValue(place, new string('[', Depth) + new string(']', Depth)), path);

    /// <summary>Objects also nest in a record's own place: an item of linked_to holds an unknown member.</summary>
    [Theory]
    [MemberData(nameof(DeepPlaces))]
    [InlineData("linked_to item", "$.email_addresses[0].linked_to[0]")]
    public void Ten_thousand_levels_of_objects_are_refused_at_max_depth_with_a_path(string place, string path)
        => AssertRefusedAtMaxDepth(WithDeepValue(place, string.Concat(Enumerable.Repeat("{\"a\":", Depth)) + "1" + new string('}', Depth)), path);

    /// <summary>With MaxDepth raised, free-form and unknown values of any depth are kept without recursion.</summary>
    [Theory]
    [InlineData("public_metadata")]
    [InlineData("unknown member")]
    [InlineData("verification")]
    [InlineData("inside a verification")]
    [InlineData("unknown member of an email address")]
    public void Ten_thousand_levels_round_trip_exactly_when_max_depth_allows_them(string place)
    {
        var json = WithDeepValue(place, new string('[', Depth) + string.Concat(Enumerable.Repeat("{\"a\":[", 100)) + "1" + string.Concat(Enumerable.Repeat("]}", 100)) + new string(']', Depth));
        var options = new JsonSerializerOptions { MaxDepth = Depth + 500 };

        var user = Timed(() => JsonSerializer.Deserialize<User>(json, options))!;

        Assert.Equal(json, Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(user, options)));
        Assert.Equal(user, JsonSerializer.Deserialize<User>(JsonSerializer.SerializeToUtf8Bytes(user, options), options));
    }

    public static TheoryData<string> HugeStringPlaces() => new() { "first_name", "public_metadata", "unknown member name", "unknown member value", "enum value", "verification strategy", "member name of free-form JSON" };

    /// <summary>A 5 MB string of letters, non-ASCII text, emoji, quotes, backslashes and control characters.</summary>
    [Theory]
    [MemberData(nameof(HugeStringPlaces))]
    public void A_five_megabyte_string_round_trips_exactly(string place)
    {
        var unit = "abcdefghij é東京😀 \\\" \\\\ \\n \\u0000 \\ud83d\\ude00 ";
        var huge = string.Concat(Enumerable.Repeat(unit, (5 * 1024 * 1024 / Encoding.UTF8.GetByteCount(unit)) + 1));
        var json = place switch
        {
            "first_name" => Minimal.Replace("\"object\":\"user\",", "\"object\":\"user\",\"first_name\":\"" + huge + "\","),
            "public_metadata" => Minimal.Replace(",\"email_addresses\"", ",\"public_metadata\":{\"note\":\"" + huge + "\"},\"email_addresses\""),
            "unknown member name" => Minimal.Substring(0, Minimal.Length - 1) + ",\"" + huge + "\":1}",
            "unknown member value" => Minimal.Substring(0, Minimal.Length - 1) + ",\"x\":\"" + huge + "\"}",
            "enum value" => Minimal.Replace("\"object\":\"user\"", "\"object\":\"" + huge + "\""),
            "verification strategy" => Minimal.Replace("\"strategy\":\"email_code\"", "\"strategy\":\"" + huge + "\""),
            _ => Minimal.Replace(",\"email_addresses\"", ",\"public_metadata\":{\"" + huge + "\":true},\"email_addresses\""),
        };
        Assert.True(Encoding.UTF8.GetByteCount(json) > 5 * 1024 * 1024);

        var user = Timed(() => JsonSerializer.Deserialize<User>(json))!;

        PayloadOracle.AssertWritesBack(user, json);
    }

    /// <summary>Documents that are not a user: each is a JsonException with a path, never another exception.</summary>
    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("[]")]
    [InlineData("[{}]")]
    [InlineData("1")]
    [InlineData("\"user\"")]
    [InlineData("true")]
    [InlineData("{")]
    [InlineData("}")]
    [InlineData("{}}")]
    [InlineData("{} {}")]
    [InlineData("nul")]
    [InlineData("NaN")]
    [InlineData("\uFEFF{}")]
    [InlineData("/* comment */ {}")]
    [InlineData("{\"id\":\"x\",}")]
    [InlineData("{\"id\":\"x\" \"object\":\"user\"}")]
    [InlineData("{'id':'x'}")]
    [InlineData("{id:\"x\"}")]
    [InlineData("{\"id\":}")]
    [InlineData("{\"id\"}")]
    [InlineData("{\"id\":\"x\u0001\"}")]
    [InlineData("{\"id\":\"\\x41\"}")]
    [InlineData("{\"id\":\"\\ud800\"}")]
    [InlineData("{\"created_at\":01}")]
    [InlineData("{\"created_at\":+1}")]
    [InlineData("{\"created_at\":.5}")]
    [InlineData("{\"created_at\":1.}")]
    [InlineData("{\"created_at\":Infinity}")]
    [InlineData("{\"email_addresses\":[,]}")]
    [InlineData("{\"email_addresses\":[{},]}")]
    public void A_document_that_is_not_a_user_is_refused_with_a_path(string json)
    {
        var outcome = PayloadOracle.Check<User>(json);

        // Only a lone surrogate escape is valid JSON here: then the string must come back as it was.
        Assert.True(outcome == PayloadOutcome.Refused || json.Contains("\\ud800", StringComparison.Ordinal), "Read as a user: " + json);
    }

    [Fact]
    public async Task Reading_a_stream_one_byte_at_a_time_gives_the_same_user()
    {
        var json = Payloads.Read("users-page.json");
        var options = new JsonSerializerOptions { DefaultBufferSize = 1 };

        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var users = await JsonSerializer.DeserializeAsync<User[]>(stream, options);

        Assert.Equal(JsonSerializer.Deserialize<User[]>(json), users);
    }

    private static string WithDeepValue(string place, string deep) => place switch
    {
        "public_metadata" => Minimal.Replace(",\"email_addresses\"", ",\"public_metadata\":" + deep + ",\"email_addresses\""),
        "unknown member" => Minimal.Substring(0, Minimal.Length - 1) + ",\"x_deep\":" + deep + "}",
        "verification" => Minimal.Replace("\"verification\":{\"status\":\"verified\",\"strategy\":\"email_code\",\"attempts\":1,\"expire_at\":1731422045000}", "\"verification\":" + deep),
        "inside a verification" => Minimal.Replace("\"expire_at\":1731422045000}", "\"expire_at\":1731422045000,\"x_deep\":" + deep + "}"),
        "unknown member of an email address" => Minimal.Replace("\"updated_at\":1731421492000}", "\"updated_at\":1731421492000,\"x_deep\":" + deep + "}"),
        _ => Minimal.Replace("\"linked_to\":[]", "\"linked_to\":[" + deep + "]"),
    };

    private static void AssertRefusedAtMaxDepth(string json, string path)
    {
        var exception = Timed(() => Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<User>(json)));

        Assert.IsType<JsonException>(exception);
        Assert.NotNull(exception.Path);
        Assert.True(PayloadOracle.IsAtOrAbove(path, exception.Path!), $"Expected the error at or under {path}, got {exception.Path}: {exception.Message}");
        Assert.Contains("depth", exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    private static T Timed<T>(Func<T> action)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = action();
        Assert.True(stopwatch.Elapsed < Bound, $"Took {stopwatch.Elapsed.TotalSeconds:0.0} s.");
        return result;
    }
}
