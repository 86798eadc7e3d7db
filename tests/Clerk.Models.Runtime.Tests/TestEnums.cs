using System;
using System.Text.Json;
using Clerk.Models.Runtime.Serialization;

namespace Clerk.Models.Runtime.Tests;

// Open enums declared the way the generator writes them (see the OTPStatus snapshot): the shared
// instances first, then the table of known values, then the private constructor.

/// <summary>A session's status: a string enum.</summary>
internal sealed class SessionStatus : OpenEnum<SessionStatus, string>
{
    public static SessionStatus Active { get; } = new("active", isKnown: true);

    public static SessionStatus Ended { get; } = new("ended", isKnown: true);

    public static SessionStatus Expired { get; } = new("expired", isKnown: true);

    private static readonly StringEnumValues<SessionStatus> s_values = new(value => new(value, isKnown: false), Active, Ended, Expired);

    private SessionStatus(string value, bool isKnown) : base(value, isKnown) { }

    public static SessionStatus From(string value) => s_values.From(value);

    public static SessionStatus ReadValue(ref Utf8JsonReader reader) => s_values.Read(ref reader);

    public static void WriteValue(Utf8JsonWriter writer, SessionStatus value) => s_values.Write(writer, value);

    /// <summary>Not generated: calls the base constructor directly, to see what it refuses.</summary>
    public static SessionStatus Unchecked(string value) => new(value, isKnown: false);
}

/// <summary>An OTP's status: another string enum that shares the value <c>expired</c> with <see cref="SessionStatus"/>.</summary>
internal sealed class OtpStatus : OpenEnum<OtpStatus, string>
{
    public static OtpStatus Unverified { get; } = new("unverified", isKnown: true);

    public static OtpStatus Verified { get; } = new("verified", isKnown: true);

    public static OtpStatus Expired { get; } = new("expired", isKnown: true);

    private static readonly StringEnumValues<OtpStatus> s_values = new(value => new(value, isKnown: false), Unverified, Verified, Expired);

    private OtpStatus(string value, bool isKnown) : base(value, isKnown) { }

    public static OtpStatus From(string value) => s_values.From(value);
}

/// <summary>A verification strategy, with a converter struct as generated enums have.</summary>
internal sealed class Strategy : OpenEnum<Strategy, string>
{
    public static Strategy EmailCode { get; } = new("email_code", isKnown: true);

    public static Strategy PhoneCode { get; } = new("phone_code", isKnown: true);

    public static Strategy FromOAuthGoogle { get; } = new("from_oauth_google", isKnown: true);

    public static Strategy Quoted { get; } = new("saml:\"okta\" <sso>", isKnown: true);

    private static readonly StringEnumValues<Strategy> s_values = new(value => new(value, isKnown: false), EmailCode, PhoneCode, FromOAuthGoogle, Quoted);

    private Strategy(string value, bool isKnown) : base(value, isKnown) { }

    public static Strategy From(string value) => s_values.From(value);

    public readonly struct Direct : IJsonValueConverter<Strategy>
    {
        public Strategy Read(ref Utf8JsonReader reader, JsonSerializerOptions options) => s_values.Read(ref reader);

        public void Write(Utf8JsonWriter writer, Strategy value, JsonSerializerOptions options) => s_values.Write(writer, value);
    }
}

/// <summary>An integer enum.</summary>
internal sealed class Tier : OpenEnum<Tier, long>
{
    public static Tier Free { get; } = new(0L, isKnown: true);

    public static Tier Pro { get; } = new(1L, isKnown: true);

    public static Tier Legacy { get; } = new(-1234567L, isKnown: true);

    private Tier(long value, bool isKnown) : base(value, isKnown) { }

    public static Tier From(long value) => value switch
    {
        0L => Free,
        1L => Pro,
        -1234567L => Legacy,
        _ => new Tier(value, isKnown: false),
    };

    public static Tier ReadValue(ref Utf8JsonReader reader) => From(JsonRead.Int64(ref reader));

    public static void WriteValue(Utf8JsonWriter writer, Tier value) => writer.WriteNumberValue(value.Value);
}

/// <summary>An enum whose values mix a string and a number.</summary>
internal sealed class SeatLimit : OpenEnum<SeatLimit, RawJson>
{
    public static SeatLimit Unlimited { get; } = new(RawJson.Parse("\"unlimited\""), isKnown: true);

    public static SeatLimit None { get; } = new(RawJson.Parse("0"), isKnown: true);

    private SeatLimit(RawJson value, bool isKnown) : base(value, isKnown) { }

    public static SeatLimit From(RawJson value)
    {
        if (value is null) { throw new ArgumentNullException(nameof(value)); }
        if (value == Unlimited.Value) { return Unlimited; }
        if (value == None.Value) { return None; }
        return new SeatLimit(value, isKnown: false);
    }

    public static SeatLimit ReadValue(ref Utf8JsonReader reader) => From(RawJson.Read(ref reader));

    public static void WriteValue(Utf8JsonWriter writer, SeatLimit value) => value.Value.WriteTo(writer);
}
