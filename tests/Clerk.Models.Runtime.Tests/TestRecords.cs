using System;
using System.Text.Json;
using Clerk.Models.Runtime.Serialization;

namespace Clerk.Models.Runtime.Tests;

// Records read and written the way generated converters do it (see the OTP snapshot), on the
// runtime's ObjectReader, JsonMemberNames and JsonWrite helpers.

/// <summary>An email address: <c>id</c> and <c>created_at</c> are required.</summary>
internal sealed class TestEmailAddress
{
    public static readonly JsonMemberNames Names = new("id", "email_address", "strategy", "created_at", "reserved", "two words");

    public const ulong Required = 0b1001;

    public string? Id { get; set; }

    public string? EmailAddress { get; set; }

    public Strategy? Strategy { get; set; }

    public long CreatedAt { get; set; }

    public bool? Reserved { get; set; }

    public long? TwoWords { get; set; }

    public ulong Present { get; set; }

    public ValueMap<RawJson>? Unknown { get; set; }

    public static TestEmailAddress ReadValue(ref Utf8JsonReader reader)
    {
        var value = new TestEmailAddress();
        var members = new ObjectReader(ref reader, Names);
        try
        {
            while (members.Next(ref reader, out var member))
            {
                switch (member)
                {
                    case 0: value.Id = JsonRead.String(ref reader); break;
                    case 1: value.EmailAddress = JsonRead.NullableString(ref reader); break;
                    case 2: value.Strategy = default(Strategy.Direct).Read(ref reader, JsonSerializerOptions.Default); break;
                    case 3: value.CreatedAt = JsonRead.Int64(ref reader); break;
                    case 4: value.Reserved = JsonRead.NullableBoolean(ref reader); break;
                    case 5: value.TwoWords = JsonRead.NullableInt64(ref reader); break;
                }

                value.Present |= 1UL << member;
            }

            value.Unknown = members.TakeUnknown();
        }
        catch (Exception ex) when (members.IsMemberFailure(ex))
        {
            throw members.AtMember(ex);
        }
        finally
        {
            members.Dispose();
        }

        ObjectReader.ThrowIfMissing(value.Present, Required, 0, Names);
        return value;
    }

    public static void WriteValue(Utf8JsonWriter writer, TestEmailAddress value)
    {
        writer.WriteStartObject();
        if ((value.Present & 0x1UL) != 0)
        {
            writer.WriteString(Names[0], value.Id);
        }

        if ((value.Present & 0x2UL) != 0)
        {
            writer.WriteString(Names[1], value.EmailAddress);
        }

        if ((value.Present & 0x4UL) != 0)
        {
            JsonWrite.Member<Strategy, Strategy.Direct>(writer, Names[2], value.Strategy, JsonSerializerOptions.Default);
        }

        if ((value.Present & 0x8UL) != 0)
        {
            JsonWrite.Number(writer, Names[3], value.CreatedAt);
        }

        if ((value.Present & 0x10UL) != 0)
        {
            JsonWrite.Boolean(writer, Names[4], value.Reserved);
        }

        if ((value.Present & 0x20UL) != 0)
        {
            JsonWrite.Number(writer, Names[5], value.TwoWords);
        }

        JsonWrite.UnknownMembers(writer, value.Unknown, Names);
        writer.WriteEndObject();
    }

    public readonly struct Direct : IJsonValueConverter<TestEmailAddress>
    {
        public TestEmailAddress Read(ref Utf8JsonReader reader, JsonSerializerOptions options) => ReadValue(ref reader);

        public void Write(Utf8JsonWriter writer, TestEmailAddress value, JsonSerializerOptions options) => WriteValue(writer, value);
    }

    public sealed class JsonConverter : System.Text.Json.Serialization.JsonConverter<TestEmailAddress>
    {
        public override TestEmailAddress Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadValue(ref reader);

        public override void Write(Utf8JsonWriter writer, TestEmailAddress value, JsonSerializerOptions options) => WriteValue(writer, value);
    }
}

/// <summary>A user that holds email addresses and free-form metadata; nothing is required.</summary>
internal sealed class TestUser
{
    public static readonly JsonMemberNames Names = new("id", "primary_email_address_id", "email_addresses", "public_metadata");

    public string? Id { get; set; }

    public string? PrimaryEmailAddressId { get; set; }

    public ValueList<TestEmailAddress>? EmailAddresses { get; set; }

    public ValueMap<RawJson>? PublicMetadata { get; set; }

    public ValueMap<RawJson>? Unknown { get; set; }

    public static TestUser ReadValue(ref Utf8JsonReader reader)
    {
        var value = new TestUser();
        var options = JsonSerializerOptions.Default;
        var members = new ObjectReader(ref reader, Names);
        try
        {
            while (members.Next(ref reader, out var member))
            {
                switch (member)
                {
                    case 0: value.Id = JsonRead.String(ref reader); break;
                    case 1: value.PrimaryEmailAddressId = JsonRead.NullableString(ref reader); break;
                    case 2: value.EmailAddresses = JsonRead.List<TestEmailAddress, TestEmailAddress.Direct>(ref reader, options); break;
                    case 3: value.PublicMetadata = JsonRead.Map<RawJson, JsonValues.Raw>(ref reader, options); break;
                }
            }

            value.Unknown = members.TakeUnknown();
        }
        catch (Exception ex) when (members.IsMemberFailure(ex))
        {
            throw members.AtMember(ex);
        }
        finally
        {
            members.Dispose();
        }

        return value;
    }
}
