using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Clerk.Models.Runtime;
using Clerk.Models.Testing;
using CsCheck;
using Xunit;
using Xunit.Sdk;

namespace Clerk.Models.Tests.Robustness;

/// <summary>
/// Property-based round trips over random valid instances (built in code) and random valid JSON
/// documents (their JSON reshuffled, re-spaced and re-escaped): writing, reading and writing again
/// gives the same text, and what is read is equal to what was written, with an equal hash code.
/// CLERK_MODELS_PROPERTY_ITERATIONS sets the iterations per property (default 300); CsCheck_Seed
/// replays the seed a failure prints.
/// </summary>
public sealed class PropertyTests
{
    private static readonly int Iterations = Environment.GetEnvironmentVariable("CLERK_MODELS_PROPERTY_ITERATIONS") is { Length: > 0 } value
        ? int.Parse(value, CultureInfo.InvariantCulture)
        : 300;

    [Fact]
    public void Users_built_in_code_round_trip_exactly() => RoundTrips(ClerkGen.User);

    [Fact]
    public void Email_addresses_built_in_code_round_trip_exactly() => RoundTrips(ClerkGen.EmailAddress);

    [Fact]
    public void Phone_numbers_built_in_code_round_trip_exactly() => RoundTrips(ClerkGen.PhoneNumber);

    [Fact]
    public void Otps_built_in_code_round_trip_exactly() => RoundTrips(ClerkGen.Otp);

    [Fact]
    public void Saml_accounts_built_in_code_round_trip_exactly() => RoundTrips(ClerkGen.SamlAccount);

    [Fact]
    public void External_accounts_built_in_code_round_trip_exactly() => RoundTrips(ClerkGen.ExternalAccount);

    [Fact]
    public void Web3_wallets_and_passkeys_built_in_code_round_trip_exactly()
    {
        RoundTrips(ClerkGen.Web3Wallet);
        RoundTrips(ClerkGen.SchemasPasskey);
    }

    [Fact]
    public void Random_user_documents_read_and_write_back() => DocumentsRoundTrip(ClerkGen.User);

    [Fact]
    public void Random_email_address_documents_read_and_write_back() => DocumentsRoundTrip(ClerkGen.EmailAddress);

    [Fact]
    public void Random_phone_number_documents_read_and_write_back() => DocumentsRoundTrip(ClerkGen.PhoneNumber);

    [Fact]
    public void Random_otp_documents_read_and_write_back() => DocumentsRoundTrip(ClerkGen.Otp);

    [Fact]
    public void Random_saml_account_documents_read_and_write_back() => DocumentsRoundTrip(ClerkGen.SamlAccount);

    /// <summary>
    /// RequiredMembers=lenient: a user with any of its declared members, at any depth, left out or sent as
    /// null (as Clerk's older payloads do) still reads, and writes back exactly what was read.
    /// </summary>
    [Fact]
    public void Lenient_users_with_members_left_out_or_null_read_and_write_back_exactly()
        => Gen.Select(ClerkGen.User, Gen.Int, (user, seed) => DropOrNullMembers(JsonSerializer.Serialize(user), seed)).Sample(
            document =>
            {
                var read = JsonSerializer.Deserialize(document, Lenient.ClerkUserLenientJson.Default.User)!;
                var written = JsonSerializer.Serialize(read, Lenient.ClerkUserLenientJson.Default.User);
                JsonAssert.Equal(document, written);
                var again = JsonSerializer.Deserialize(written, Lenient.ClerkUserLenientJson.Default.User)!;
                if (!read.Equals(again) || read.GetHashCode() != again.GetHashCode())
                {
                    throw new XunitException("Read back different from what was written:\n" + written);
                }
            },
            iter: Iterations,
            print: document => document);

    /// <summary>A free-form member set to the JSON null (RawJson.Null) is written as null; it must read back as the same record.</summary>
    [Fact]
    public void A_nullable_free_form_member_holding_json_null_round_trips()
    {
        var user = new User { Id = "user_1", PublicMetadata = RawJson.Null };

        var json = JsonSerializer.Serialize(user);
        var again = JsonSerializer.Deserialize<User>(json)!;

        Assert.Equal("{\"id\":\"user_1\",\"public_metadata\":null}", json);
        Assert.Equal(user, again);
    }

    /// <summary>An unknown member named like a declared one would be written twice; the JSON must still have one value per name.</summary>
    [Fact]
    public void An_additional_property_named_like_a_declared_member_is_not_written_twice()
    {
        var user = new User
        {
            Id = "user_1",
            AdditionalProperties = new ValueMap<RawJson>(new[] { new KeyValuePair<string, RawJson>("id", RawJson.Parse("\"user_2\"")) }),
        };

        var json = JsonSerializer.Serialize(user);

        using var document = JsonDocument.Parse(json);
        var names = document.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.True(names.Count == names.Distinct().Count(), "Duplicate members written: " + json);
    }

    private static void RoundTrips<T>(Gen<T> gen)
        where T : class
        => gen.Sample(
            value =>
            {
                var json = JsonSerializer.Serialize(value);
                var read = JsonSerializer.Deserialize<T>(json)!;
                if (!value.Equals(read) || value.GetHashCode() != read.GetHashCode())
                {
                    throw new XunitException($"Read back different from what was written:\n{json}\nread back as\n{Written(read)}");
                }

                var again = JsonSerializer.Serialize(read);
                if (again != json)
                {
                    throw new XunitException($"Written twice, differently:\n{json}\n{again}");
                }

                // The same bytes split into small segments read the same.
                var segmented = PayloadOracle.DeserializeSegmented<T>(Encoding.UTF8.GetBytes(json), 1 + (json.Length % 13));
                if (!value.Equals(segmented))
                {
                    throw new XunitException("Reading from segments gave another record:\n" + json);
                }
            },
            iter: Iterations,
            print: Written);

    /// <summary>A document for a random instance, with members in another order, whitespace and escapes: it reads and writes back as JSON-equal.</summary>
    private static void DocumentsRoundTrip<T>(Gen<T> gen)
        where T : class
        => Gen.Select(gen, Gen.Int, (value, seed) => Reshape(JsonSerializer.Serialize(value), seed)).Sample(
            document => PayloadOracle.Check<T>(document),
            iter: Iterations,
            print: document => document);

    private static string Written<T>(T value)
    {
        try
        {
            return JsonSerializer.Serialize(value);
        }
        catch (Exception ex)
        {
            return "(cannot be written: " + ex.Message + ")";
        }
    }

    /// <summary>The JSON of a valid instance with about a fifth of its object members removed and a tenth set to null, at every depth.</summary>
    private static string DropOrNullMembers(string json, int seed)
    {
        var random = new Random(seed);
        var root = JsonNode.Parse(json);
        Visit(root);
        return root!.ToJsonString();

        void Visit(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var name in obj.Select(m => m.Key).ToList())
                    {
                        var roll = random.Next(10);
                        if (roll < 2)
                        {
                            obj.Remove(name);
                        }
                        else if (roll < 3)
                        {
                            obj[name] = null;
                        }
                        else
                        {
                            Visit(obj[name]);
                        }
                    }

                    break;
                case JsonArray array:
                    // Items stay: an array's items are not members, and null is not a valid item.
                    foreach (var item in array)
                    {
                        Visit(item);
                    }

                    break;
            }
        }
    }

    /// <summary>The same JSON value in other clothes: members shuffled, whitespace added, and characters escaped as \uXXXX.</summary>
    private static string Reshape(string json, int seed)
    {
        var random = new Random(seed);
        var builder = new StringBuilder();
        Write(JsonNode.Parse(json));
        return builder.ToString();

        void Write(JsonNode? node)
        {
            Space();
            switch (node)
            {
                case JsonObject obj:
                    builder.Append('{');
                    var members = obj.ToList();
                    var shuffled = members.OrderBy(_ => random.Next()).ToList();
                    for (var i = 0; i < shuffled.Count; i++)
                    {
                        builder.Append(i == 0 ? string.Empty : ",");
                        Space();
                        String(shuffled[i].Key);
                        Space();
                        builder.Append(':');
                        Write(shuffled[i].Value);
                    }

                    Space();
                    builder.Append('}');
                    break;
                case JsonArray array:
                    builder.Append('[');
                    for (var i = 0; i < array.Count; i++)
                    {
                        builder.Append(i == 0 ? string.Empty : ",");
                        Write(array[i]);
                    }

                    Space();
                    builder.Append(']');
                    break;
                case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                    String(value.GetValue<string>());
                    break;
                case null:
                    builder.Append("null");
                    break;
                default:
                    builder.Append(node.ToJsonString());
                    break;
            }

            Space();
        }

        void String(string text)
        {
            builder.Append('"');
            for (var i = 0; i < text.Length; i++)
            {
                // A surrogate pair is escaped whole or not at all.
                var pair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
                if (text[i] is '"' or '\\' || text[i] < ' ' || random.Next(8) == 0)
                {
                    for (var j = 0; j < pair; j++)
                    {
                        builder.Append("\\u").Append(((int)text[i + j]).ToString("x4", CultureInfo.InvariantCulture));
                    }
                }
                else
                {
                    builder.Append(text, i, pair);
                }

                i += pair - 1;
            }

            builder.Append('"');
        }

        void Space()
        {
            if (random.Next(4) == 0)
            {
                builder.Append(" \n\t\r"[random.Next(4)]);
            }
        }
    }
}
