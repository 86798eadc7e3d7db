using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Clerk.Models.Runtime.Serialization;
using Xunit;

namespace Clerk.Models.Runtime.Tests;

public class JsonMemberNamesTests
{
    private static readonly string[] s_userNames =
    {
        "id", "object", "username", "first_name", "last_name", "image_url", "has_image",
        "primary_email_address_id", "primary_phone_number_id", "primary_web3_wallet_id",
        "password_enabled", "two_factor_enabled", "totp_enabled", "backup_code_enabled",
        "email_addresses", "phone_numbers", "web3_wallets", "passkeys", "external_accounts",
        "saml_accounts", "public_metadata", "private_metadata", "unsafe_metadata",
        "external_id", "last_sign_in_at", "banned", "locked", "lockout_expires_in_seconds",
        "verification_attempts_remaining", "created_at", "updated_at", "delete_self_enabled",
        "create_organization_enabled", "create_organizations_limit", "last_active_at",
        "mfa_enabled_at", "mfa_disabled_at", "legal_accepted_at", "profile_image_url",
    };

    private static int Find(JsonMemberNames names, string name) => names.Find(Encoding.UTF8.GetBytes(name));

    /// <summary>Finds the name of the first member of <paramref name="json"/> with <see cref="JsonMemberNames.Find(ref Utf8JsonReader)"/>.</summary>
    private static int FindInObject(JsonMemberNames names, string json, int chunkSize = 0)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = chunkSize > 0 ? new Utf8JsonReader(TestJson.Segmented(bytes, chunkSize)) : new Utf8JsonReader(bytes);
        Assert.True(reader.Read());
        Assert.True(reader.Read());
        Assert.Equal(JsonTokenType.PropertyName, reader.TokenType);
        return names.Find(ref reader);
    }

    [Fact]
    public void Every_name_is_found_at_its_declaration_index()
    {
        var names = new JsonMemberNames(s_userNames);

        Assert.Equal(s_userNames.Length, names.Count);
        for (var i = 0; i < s_userNames.Length; i++)
        {
            Assert.Equal(i, Find(names, s_userNames[i]));
            Assert.Equal(i, names.IndexOf(s_userNames[i]));
            Assert.True(names.Contains(s_userNames[i]));
            Assert.Equal(s_userNames[i], names.Name(i));
            Assert.Equal(s_userNames[i], names[i].Value);
        }
    }

    [Theory]
    [InlineData("ID")]
    [InlineData("Id")]
    [InlineData("i")]
    [InlineData("idx")]
    [InlineData("id ")]
    [InlineData("")]
    [InlineData("objec")]
    [InlineData("objects")]
    [InlineData("primary_email_address")]
    [InlineData("primary_email_address_i")]
    [InlineData("primary_email_address_id_")]
    [InlineData("primary_email_address_ix")]
    [InlineData("primary_phone_number_ID")]
    [InlineData("primary_web3_wallet_id\u0000")]
    [InlineData("created_At")]
    [InlineData("emailAddresses")]
    public void Other_names_are_not_found(string other)
    {
        var names = new JsonMemberNames(s_userNames);

        Assert.Equal(-1, Find(names, other));
        Assert.Equal(-1, names.IndexOf(other));
        Assert.False(names.Contains(other));
    }

    [Fact]
    public void Names_of_every_length_are_told_apart()
    {
        // Up to 7 bytes, the length and the bytes decide; from 8 on, the full names are compared.
        var list = new List<string> { string.Empty };
        for (var length = 1; length <= 20; length++)
        {
            list.Add(new string('a', length));
            list.Add(new string('a', length - 1) + "b");
            list.Add("b" + new string('a', length - 1));
        }

        list.Add("abcdefg");
        list.Add("abcdefgh");
        list.Add("abcdefgi");
        list.Add("abcdefghi");
        var distinct = list.Distinct(StringComparer.Ordinal).ToArray();
        var names = new JsonMemberNames(distinct);

        for (var i = 0; i < distinct.Length; i++)
        {
            Assert.Equal(i, Find(names, distinct[i]));
        }

        Assert.Equal(-1, Find(names, new string('a', 21)));
        Assert.Equal(-1, Find(names, "abcdefgj"));
        Assert.Equal(-1, Find(names, "abcdefghj"));
        Assert.Equal(-1, Find(names, "c"));
        Assert.Equal(-1, Find(names, "A"));
    }

    [Fact]
    public void The_empty_name_is_a_name_like_any_other()
    {
        var names = new JsonMemberNames("id", string.Empty);
        var withoutEmpty = new JsonMemberNames("id");

        Assert.Equal(1, names.Find(ReadOnlySpan<byte>.Empty));
        Assert.Equal(1, FindInObject(names, "{\"\":1}"));
        Assert.Equal(1, names.IndexOf(string.Empty));
        Assert.Equal(-1, withoutEmpty.Find(ReadOnlySpan<byte>.Empty));
        Assert.Equal(-1, withoutEmpty.IndexOf(string.Empty));
    }

    [Fact]
    public void Names_that_share_their_first_seven_bytes_and_length_are_compared_in_full()
    {
        // 100 names of one length with one prefix: one key, one chain of probes.
        var many = Enumerable.Range(0, 100).Select(i => "primary_" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var names = new JsonMemberNames(many);

        for (var i = 0; i < many.Length; i++)
        {
            Assert.Equal(i, Find(names, many[i]));
        }

        Assert.Equal(-1, Find(names, "primary_100"));
        Assert.Equal(-1, Find(names, "primary_00x"));
        Assert.Equal(-1, Find(names, "primary_0000"));
    }

    [Fact]
    public void Long_and_non_ascii_names_are_found()
    {
        var long300 = new string('x', 299) + "1";
        var long300b = new string('x', 299) + "2";
        var long256 = new string('x', 256);
        var tableNames = new[] { "café", "naïve_flag", "名前", "emoji_😀", long300, long300b, long256, "id" };
        var names = new JsonMemberNames(tableNames);

        for (var i = 0; i < tableNames.Length; i++)
        {
            Assert.Equal(i, Find(names, tableNames[i]));
        }

        Assert.Equal(300, Encoding.UTF8.GetByteCount(long300));
        Assert.Equal(-1, Find(names, new string('x', 300)));
        Assert.Equal(-1, Find(names, new string('x', 255)));
        Assert.Equal(-1, Find(names, new string('x', 257)));
        Assert.Equal(-1, Find(names, "cafe"));
        Assert.Equal(-1, Find(names, "CAFÉ"));
        Assert.Equal(-1, Find(names, "名"));

        // The same letter precomposed and decomposed is two different names: no normalization.
        Assert.Equal(-1, Find(names, "cafe\u0301"));
    }

    [Fact]
    public void Escaped_names_are_matched_on_their_unescaped_bytes()
    {
        var names = new JsonMemberNames("id", "email_address", "café", "primary_email_address_id");

        Assert.Equal(0, FindInObject(names, "{\"\\u0069d\":1}"));
        Assert.Equal(0, FindInObject(names, "{\"i\\u0064\":1}"));
        Assert.Equal(1, FindInObject(names, "{\"email\\u005faddress\":1}"));
        Assert.Equal(2, FindInObject(names, "{\"caf\\u00e9\":1}"));
        Assert.Equal(2, FindInObject(names, "{\"caf\\u00E9\":1}"));
        Assert.Equal(3, FindInObject(names, "{\"\\u0070rimary_email_address_id\":1}"));
        Assert.Equal(-1, FindInObject(names, "{\"\\u0049d\":1}"));
        Assert.Equal(-1, FindInObject(names, "{\"id\\u0000\":1}"));
        Assert.Equal(-1, FindInObject(names, "{\"email\\\\u005faddress\":1}"));
    }

    [Fact]
    public void Names_split_across_segments_are_found()
    {
        var names = new JsonMemberNames("id", "primary_email_address_id", "primary_phone_number_id", "caf\u00e9");
        var sawSequence = false;

        foreach (var chunk in new[] { 1, 2, 3, 5, 7, 8, 13 })
        {
            Assert.Equal(1, FindInObject(names, "{\"primary_email_address_id\":1}", chunk));
            Assert.Equal(2, FindInObject(names, "{\"primary_phone_number_id\":1}", chunk));
            Assert.Equal(0, FindInObject(names, "{\"id\":1}", chunk));
            Assert.Equal(3, FindInObject(names, "{\"caf\\u00e9\":1}", chunk));
            Assert.Equal(1, FindInObject(names, "{\"primary_email_\\u0061ddress_id\":1}", chunk));
            Assert.Equal(-1, FindInObject(names, "{\"primary_email_address_ID\":1}", chunk));
            Assert.Equal(-1, FindInObject(names, "{\"primary_email_address\":1}", chunk));

            var reader = new Utf8JsonReader(TestJson.Segmented(Encoding.UTF8.GetBytes("{\"primary_email_address_id\":1}"), chunk));
            reader.Read();
            reader.Read();
            sawSequence |= reader.HasValueSequence;
        }

        Assert.True(sawSequence);
    }

    [Fact]
    public void String_values_are_found_too()
    {
        var names = new JsonMemberNames("email_code", "from_oauth_google");
        var plain = new Utf8JsonReader("\"from_oauth_google\""u8);
        var escaped = new Utf8JsonReader("\"from_\\u006fauth_google\""u8);
        plain.Read();
        escaped.Read();

        Assert.Equal(1, names.Find(ref plain));
        Assert.Equal(1, names.Find(ref escaped));
    }

    [Fact]
    public void Names_are_encoded_for_writing()
    {
        var names = new JsonMemberNames("id", "café", "a\"b", "<tag>", "two words");

        Assert.Equal("id", names[0].Value);
        Assert.Equal("caf\\u00E9", names[1].Value);
        Assert.Equal("a\\u0022b", names[2].Value);
        Assert.Equal("\\u003Ctag\\u003E", names[3].Value);
        Assert.Equal("two words", names[4].Value);
        Assert.Equal(JsonEncodedText.Encode("café"), names[1]);
        Assert.Equal("a\"b", names.Name(2));
        Assert.Equal("{\"caf\\u00E9\":1,\"two words\":2}", TestJson.WriteObject(w =>
        {
            w.WriteNumber(names[1], 1);
            w.WriteNumber(names[4], 2);
        }));
    }

    [Fact]
    public void Out_of_range_indexes_throw()
    {
        var names = new JsonMemberNames("id");

        Assert.Throws<IndexOutOfRangeException>(() => names.Name(1));
        Assert.Throws<IndexOutOfRangeException>(() => names[-1]);
    }

    [Fact]
    public void An_empty_table_finds_nothing()
    {
        var names = new JsonMemberNames();

        Assert.Equal(0, names.Count);
        Assert.Equal(-1, Find(names, "id"));
        Assert.Equal(-1, names.Find(ReadOnlySpan<byte>.Empty));
        Assert.Equal(-1, names.IndexOf("id"));
        Assert.False(names.Contains("id"));
    }

    [Fact]
    public void Repeated_and_null_names_are_refused()
    {
        var repeated = Assert.Throws<ArgumentException>(() => new JsonMemberNames("id", "email_address", "id"));
        var caseOnly = new JsonMemberNames("id", "ID");
        var nullName = Assert.Throws<ArgumentException>(() => new JsonMemberNames("id", null!));

        Assert.Equal("names", repeated.ParamName);
        Assert.StartsWith("The member name 'id' is listed twice.", repeated.Message, StringComparison.Ordinal);
        Assert.Equal(1, caseOnly.IndexOf("ID"));
        Assert.Equal("names", nullName.ParamName);
        Assert.StartsWith("A member name is null.", nullName.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => new JsonMemberNames(null!));

        // Two lone surrogates would both become U+FFFD in UTF-8, one name for two members.
        Assert.Throws<ArgumentException>(() => new JsonMemberNames("\ud800", "\udc00"));
    }

    [Fact]
    public void The_table_keeps_its_own_copy_of_the_names()
    {
        var array = new[] { "id", "object" };
        var names = new JsonMemberNames(array);

        array[0] = "changed";

        Assert.Equal("id", names.Name(0));
        Assert.Equal(0, Find(names, "id"));
        Assert.Equal(-1, Find(names, "changed"));
    }

    [Fact]
    public void Random_name_sets_find_their_names_and_nothing_else()
    {
        var random = new Random(20240501);
        for (var round = 0; round < 400; round++)
        {
            var set = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var count = random.Next(0, 48);
            while (set.Count < count)
            {
                var name = RandomName(random, set);
                if (IsWellFormed(name) && seen.Add(name))
                {
                    set.Add(name);
                }
            }

            var names = new JsonMemberNames(set.ToArray());
            Assert.Equal(set.Count, names.Count);
            for (var i = 0; i < set.Count; i++)
            {
                Assert.Equal(i, Find(names, set[i]));
                Assert.Equal(i, names.IndexOf(set[i]));
                Assert.Equal(i, FindInObject(names, "{" + JsonSerializer.Serialize(set[i]) + ":0}"));
                Assert.Equal(JsonEncodedText.Encode(set[i]).Value, names[i].Value);
                Assert.Equal(set[i], names.Name(i));
            }

            for (var probe = 0; probe < 40; probe++)
            {
                var other = probe % 2 == 0 || set.Count == 0 ? RandomName(random, set) : Mutate(random, set[random.Next(set.Count)]);
                if (!IsWellFormed(other))
                {
                    continue;
                }

                var expected = set.IndexOf(other);
                Assert.Equal(expected, Find(names, other));
                Assert.Equal(expected >= 0, names.Contains(other));
            }
        }
    }

    [Fact]
    public void Random_name_sets_find_their_names_when_read_in_segments()
    {
        var random = new Random(7);
        for (var round = 0; round < 100; round++)
        {
            var set = new List<string>();
            while (set.Count < 12)
            {
                var name = RandomName(random, set);
                if (IsWellFormed(name) && !set.Contains(name))
                {
                    set.Add(name);
                }
            }

            var names = new JsonMemberNames(set.ToArray());
            var chunk = random.Next(1, 9);
            for (var i = 0; i < set.Count; i++)
            {
                Assert.Equal(i, FindInObject(names, "{" + JsonSerializer.Serialize(set[i]) + ":0}", chunk));
                var mutated = Mutate(random, set[i]);
                if (!IsWellFormed(mutated))
                {
                    continue;
                }

                Assert.Equal(set.IndexOf(mutated), FindInObject(names, "{" + JsonSerializer.Serialize(mutated) + ":0}", chunk));
            }
        }
    }

    private static string RandomName(Random random, List<string> taken)
    {
        const string Ascii = "abcdefghijklmnopqrstuvwxyz_0123456789";
        string[] prefixes = { "primary_", "primary_email_", "created_", "email_address", "x", string.Empty };
        string[] other = { "é", "ü", "名", "😀", "\"", "\\", "/", " ", "\u0001", "A" };
        switch (random.Next(6))
        {
            case 0:
                // A name that shares a prefix with one already taken.
                if (taken.Count > 0)
                {
                    var basis = taken[random.Next(taken.Count)];
                    return basis.Substring(0, random.Next(basis.Length + 1)) + Ascii[random.Next(Ascii.Length)];
                }

                return "id";
            case 1:
                return new string('p', random.Next(250, 310)) + random.Next(10).ToString(System.Globalization.CultureInfo.InvariantCulture);
            default:
                var builder = new StringBuilder(prefixes[random.Next(prefixes.Length)]);
                var length = random.Next(0, 12);
                for (var i = 0; i < length; i++)
                {
                    builder.Append(random.Next(8) == 0 ? other[random.Next(other.Length)] : Ascii[random.Next(Ascii.Length)].ToString());
                }

                return builder.ToString();
        }
    }

    /// <summary>Whether the text is valid UTF-16 (cutting or changing a character can split a surrogate pair).</summary>
    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static string Mutate(Random random, string name)
    {
        switch (random.Next(5))
        {
            case 0:
                return name + "_";
            case 1:
                return name.Length > 0 ? name.Substring(0, name.Length - 1) : "a";
            case 2:
                return name.ToUpperInvariant();
            case 3:
                if (name.Length == 0)
                {
                    return "_";
                }

                var chars = name.ToCharArray();
                var at = random.Next(chars.Length);
                chars[at] = chars[at] == 'z' ? 'y' : 'z';
                return new string(chars);
            default:
                return "_" + name;
        }
    }
}
