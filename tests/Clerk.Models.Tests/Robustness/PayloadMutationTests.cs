using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;
using Xunit.Sdk;

namespace Clerk.Models.Tests.Robustness;

/// <summary>
/// The team's valid payloads, mutated everywhere: each mutation reads as an exact round trip or
/// fails with a JsonException whose path is at, above or inside the change. Never another
/// exception, never a partly filled record.
/// </summary>
public sealed class PayloadMutationTests
{
    public static TheoryData<string> ValidPayloads() => new()
    {
        "user-typical.json",
        "user-minimal.json",
        "user-all-nulls.json",
        "user-all-absent.json",
        "user-unknown-members.json",
        "user-unknown-enum-values.json",
        "verification-fits-none.json",
        "verification-array.json",
    };

    /// <summary>Members whose values are free-form JSON, kept exactly (duplicates included) rather than read as records.</summary>
    private static readonly HashSet<string> FreeFormMembers = new(StringComparer.Ordinal) { "public_metadata", "private_metadata", "unsafe_metadata", "meta" };

    /// <summary>Every kind of JSON token, and shapes a record or a list does not expect.</summary>
    private static readonly string[] WrongTokens =
    {
        "\"text\"", "\"\"", "0", "-1", "true", "false", "null", "{}", "[]", "[1]", "{\"a\":1}", "[{}]", "[null]",
    };

    /// <summary>Numbers too large for long, with fractions or exponents, negative zero, and numbers past double.</summary>
    private static readonly string[] HostileNumbers =
    {
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "2147483648",
        "123456789012345678901234567890", "1.5", "0.1", "1.0", "-0", "-0.0", "1e2", "1E+2", "1e-7", "1e400", "-1e400", "4.9e-324",
    };

    /// <summary>The typical user is cut at every byte (mid-character, mid-escape, mid-number); the others at every fifth.</summary>
    [Theory]
    [MemberData(nameof(ValidPayloads))]
    public void Every_prefix_of_a_payload_is_refused_with_a_path(string file)
    {
        var utf8 = Encoding.UTF8.GetBytes(Payloads.Read(file));
        var whole = Encoding.UTF8.GetString(utf8).TrimEnd();
        var step = file == "user-typical.json" ? 1 : 5;

        for (var length = 0; length < utf8.Length; length += step)
        {
            var prefix = utf8.AsSpan(0, length).ToArray();
            if (Encoding.UTF8.GetString(prefix).TrimEnd() == whole)
            {
                PayloadOracle.Check<User>(prefix);
                continue;
            }

            var outcome = PayloadOracle.Check<User>(prefix);
            Assert.True(outcome == PayloadOutcome.Refused, $"A {length}-byte prefix of {file} was read as a whole user.");
        }
    }

    [Theory]
    [MemberData(nameof(ValidPayloads))]
    public void Every_value_replaced_by_a_wrong_token_round_trips_or_is_refused_at_its_path(string file)
        => ReplaceEveryValue(file, (_, _) => WrongTokens);

    [Theory]
    [MemberData(nameof(ValidPayloads))]
    public void Every_number_replaced_by_a_hostile_number_round_trips_or_is_refused_at_its_path(string file)
        => ReplaceEveryValue(file, (_, node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? HostileNumbers : Array.Empty<string>());

    /// <summary>Arrays where objects are expected, and the other way round: each value wrapped in an array or an object.</summary>
    [Theory]
    [MemberData(nameof(ValidPayloads))]
    public void Every_value_wrapped_in_an_array_or_object_round_trips_or_is_refused_at_its_path(string file)
        => ReplaceEveryValue(file, (_, node) =>
        {
            var text = node?.ToJsonString() ?? "null";
            return new[] { "[" + text + "]", "{\"value\":" + text + "}" };
        });

    /// <summary>Missing required members, and every optional member absent.</summary>
    [Theory]
    [MemberData(nameof(ValidPayloads))]
    public void Every_member_removed_round_trips_or_is_refused_at_its_object(string file)
        => ReplaceEveryValue(file, (path, _) => path == "$" ? Array.Empty<string>() : new[] { PayloadOracle.Remove });

    /// <summary>The documented rule for duplicate members: the last one wins, in every typed object and in unions.</summary>
    [Theory]
    [InlineData("user-typical.json")]
    [InlineData("user-minimal.json")]
    [InlineData("user-all-nulls.json")]
    [InlineData("user-unknown-enum-values.json")]
    public void A_duplicate_member_before_the_real_one_reads_as_if_it_were_absent(string file)
    {
        var root = JsonNode.Parse(Payloads.Read(file))!;

        // The same writer without a duplicate, so that strings are escaped alike on both sides.
        var json = PayloadOracle.WithDuplicateBefore(root, string.Empty, "null");
        var expected = JsonSerializer.Deserialize<User>(json)!;
        var problems = new List<string>();

        foreach (var (path, node) in PayloadOracle.Values(root).Where(v => v.Path != "$" && !InsideFreeForm(v.Path) && !v.Path.EndsWith("]", StringComparison.Ordinal)))
        {
            var duplicated = PayloadOracle.WithDuplicateBefore(root, path, EarlierValue(node));
            try
            {
                var actual = JsonSerializer.Deserialize<User>(duplicated)!;
                if (!expected.Equals(actual))
                {
                    problems.Add($"{path}: the first duplicate changed the record; {path.Substring(0, path.LastIndexOf('.'))} was written back as {PayloadOracle.Show(PayloadOracle.At(JsonSerializer.Serialize(actual), path.Substring(0, path.LastIndexOf('.'))))}");
                    continue;
                }

                PayloadOracle.AssertWritesBack(actual, json);
            }
            catch (JsonException ex)
            {
                problems.Add($"{path}: refused ({ex.Message})");
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} duplicated members did not read as their last value:\n" + string.Join("\n", problems.Take(20)));
    }

    /// <summary>Invalid UTF-8 (a stray continuation byte, an overlong form, an encoded surrogate, a cut sequence, 0xFF) inside each string and member name.</summary>
    [Theory]
    [InlineData("user-typical.json")]
    [InlineData("user-unknown-members.json")]
    [InlineData("verification-fits-none.json")]
    public void Invalid_utf8_in_any_string_round_trips_or_is_refused_with_a_path(string file)
    {
        var utf8 = PayloadOracle.Minify(Encoding.UTF8.GetBytes(Payloads.Read(file)));
        var invalid = new[] { new byte[] { 0x80 }, new byte[] { 0xC0, 0x80 }, new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xE2, 0x82 }, new byte[] { 0xFF } };
        var problems = new List<string>();
        var strings = StringStarts(utf8);

        for (var n = 0; n < strings.Count; n++)
        {
            var sequence = invalid[n % invalid.Length];
            var at = strings[n] + 1;
            var mutated = utf8.Take(at).Concat(sequence).Concat(utf8.Skip(at)).ToArray();
            User user;
            try
            {
                user = JsonSerializer.Deserialize<User>(mutated)!;
            }
            catch (JsonException ex) when (ex.Path is not null)
            {
                continue;
            }
            catch (Exception ex)
            {
                problems.Add($"{Where(utf8, strings[n])}: reading threw {ex.GetType().FullName}: {ex.Message}");
                continue;
            }

            // Kept: then it must be written back as it came, byte for byte, and read back equal.
            try
            {
                var written = JsonSerializer.SerializeToUtf8Bytes(user);
                if (IndexOf(written, sequence) < 0)
                {
                    problems.Add($"{Where(utf8, strings[n])}: read, but the invalid bytes were not written back");
                }
                else if (!user.Equals(JsonSerializer.Deserialize<User>(written)))
                {
                    problems.Add($"{Where(utf8, strings[n])}: read, written, and read back different");
                }

                _ = JsonSerializer.Serialize(user);
            }
            catch (Exception ex)
            {
                problems.Add($"{Where(utf8, strings[n])}: read, but writing it threw {ex.GetType().FullName}: {ex.Message}");
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} of {strings.Count} strings with invalid UTF-8 broke the rule:\n" + string.Join("\n", problems.Take(20)));
    }

    /// <summary>The same payloads read from one-byte and seven-byte segments: the same records, or the same refusals.</summary>
    [Theory]
    [MemberData(nameof(ValidPayloads))]
    public void Reading_from_segments_gives_the_same_record_as_reading_from_one_buffer(string file)
    {
        var utf8 = Encoding.UTF8.GetBytes(Payloads.Read(file));
        var expected = JsonSerializer.Deserialize<User>(utf8)!;

        foreach (var size in new[] { 1, 7, 64 })
        {
            var actual = PayloadOracle.DeserializeSegmented<User>(utf8, size)!;
            Assert.Equal(expected, actual);
            Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));
        }

        // Member names escaped, which the reader must unescape across segments, and a refusal at the same path.
        var escaped = Encoding.UTF8.GetBytes(Payloads.Read(file).Replace("\"id\":", "\"\\u0069d\":").Replace("_at\":", "_\\u0061t\":"));
        var escapedWhole = JsonSerializer.Deserialize<User>(escaped)!;
        Assert.Equal(escapedWhole, PayloadOracle.DeserializeSegmented<User>(escaped, 1));
        Assert.Equal(expected.Id, escapedWhole.Id);
        Assert.Equal(expected.CreatedAt, escapedWhole.CreatedAt);
        var broken = Encoding.UTF8.GetBytes(Payloads.Read("bad-wrong-type-created-at.json"));
        var whole = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<User>(broken));
        var segmented = Assert.Throws<JsonException>(() => PayloadOracle.DeserializeSegmented<User>(broken, 1));
        Assert.Equal(whole.Path, segmented.Path);
    }

    private static void ReplaceEveryValue(string file, Func<string, JsonNode?, IEnumerable<string>> replacements)
    {
        var root = JsonNode.Parse(Payloads.Read(file))!;
        var problems = new List<string>();
        var count = 0;
        foreach (var (path, node) in PayloadOracle.Values(root))
        {
            foreach (var replacement in replacements(path, node))
            {
                var mutated = path == "$" ? replacement : PayloadOracle.Replace(root, path, replacement);
                count++;
                try
                {
                    PayloadOracle.Check<User>(mutated, path);
                }
                catch (XunitException) when (replacement == "-0" && Succeeds(() => PayloadOracle.Check<User>(mutated, path, PayloadOracle.Replace(root, path, "0"))))
                {
                    // Documented: an integer -0 comes back as 0 (free-form JSON keeps -0).
                }
                catch (XunitException ex)
                {
                    problems.Add($"{path} {(replacement == PayloadOracle.Remove ? "removed" : "set to " + PayloadOracle.Show(replacement))}: {ex.Message.Split('\n')[0]}");
                }
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} of {count} mutations of {file} broke the rule:\n" + string.Join("\n", problems.Take(25)));
    }

    private static bool Succeeds(Action check)
    {
        try
        {
            check();
            return true;
        }
        catch (XunitException)
        {
            return false;
        }
    }

    private static bool InsideFreeForm(string path)
        => path.Split('.').SkipLast(1).Select(s => s.Split('[')[0]).Any(FreeFormMembers.Contains);

    /// <summary>A valid value that differs from the original where it can, so the last duplicate must be the one that counts.</summary>
    private static string EarlierValue(JsonNode? node) => node switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => JsonSerializer.Serialize(value.GetValue<string>() + "-earlier"),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.TryGetValue<long>(out var n) ? (n == long.MaxValue ? n - 1 : n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "0",
        JsonValue value when value.GetValueKind() == JsonValueKind.True => "false",
        JsonValue value when value.GetValueKind() == JsonValueKind.False => "true",
        // A record member's earlier value must be a valid record too: the same one.
        JsonObject obj => obj.ToJsonString(),
        JsonArray => "[]",
        _ => "null",
    };

    /// <summary>The byte offsets of the opening quote of every string and member name.</summary>
    private static List<int> StringStarts(byte[] minified)
    {
        var starts = new List<int>();
        var inString = false;
        for (var i = 0; i < minified.Length; i++)
        {
            if (inString)
            {
                if (minified[i] == (byte)'\\')
                {
                    i++;
                }
                else if (minified[i] == (byte)'"')
                {
                    inString = false;
                }
            }
            else if (minified[i] == (byte)'"')
            {
                starts.Add(i);
                inString = true;
            }
        }

        return starts;
    }

    private static string Where(byte[] utf8, int at)
        => $"string at byte {at} ({Encoding.UTF8.GetString(utf8, at, Math.Min(30, utf8.Length - at))}…)";

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}
