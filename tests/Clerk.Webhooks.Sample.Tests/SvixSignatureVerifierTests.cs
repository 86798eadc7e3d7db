using System;
using System.Text;
using Xunit;

namespace Clerk.Webhooks.Sample.Tests;

public sealed class SvixSignatureVerifierTests
{
    // The published vector of the scheme: the test verifyWebhookSignWorks of the Standard Webhooks
    // reference libraries (standard-webhooks/standard-webhooks, libraries/csharp/StandardWebhooks.Tests/
    // WebhookTest.cs), whose values Svix's documentation uses too; recomputed independently with
    //   printf '%s' 'msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{"test": 2432232314}' \
    //     | openssl dgst -sha256 -mac HMAC -macopt hexkey:$(printf %s MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw | base64 -d | xxd -p -c 256) -binary | base64
    private const string VectorSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string VectorId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const string VectorTimestamp = "1614265330";
    private const string VectorBody = """{"test": 2432232314}""";
    private const string VectorSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    // The user.deleted event of tests/Payloads/clerk/webhook-user-deleted.json without its
    // event_attributes, on one line, signed with Svix.Secret; the signature computed with openssl as above.
    private const string Timestamp = "1716883200";
    private const string UserDeletedBody = """{"object":"event","type":"user.deleted","instance_id":"ins_2SBidnniPG8EoezAX6h0qwSENQQ","timestamp":1716883200,"data":{"object":"user","id":"user_2BYAqtuVYky2CQCbI4nNWXV7SSq","deleted":true,"external_id":"crm-004217"}}""";
    private const string UserDeletedSignature = "v1,1SNnHqu7laNzX1MKmh/ssslvZWvM5perYs77GYjk5V0=";

    // The same key over {"first_name":"Zoë"}: the body's UTF-8 bytes are signed (ë is C3 AB).
    private const string NonAsciiBody = """{"first_name":"Zoë"}""";
    private const string NonAsciiSignature = "v1,7Ve3CxeXngp086Gl8REqsuNWZTO+Z+12fUDuPFAyAbI=";

    private static readonly byte[] s_body = Encoding.UTF8.GetBytes(UserDeletedBody);

    private static SvixSignatureVerifier Verifier(string secret, FixedClock clock, TimeSpan? tolerance = null)
    {
        Assert.True(SvixSignatureVerifier.TryParseSecret(secret, out var key));
        return new SvixSignatureVerifier(key, clock, tolerance);
    }

    private static SvixSignatureVerifier At(long unixSeconds) => Verifier(Svix.Secret, FixedClock.AtUnixSeconds(unixSeconds));

    [Fact]
    public void Published_vector_is_valid()
    {
        var verifier = Verifier(VectorSecret, FixedClock.AtUnixSeconds(1614265330));

        Assert.Equal(SignatureCheck.Valid, verifier.Verify(VectorId, VectorTimestamp, VectorSignature, Encoding.UTF8.GetBytes(VectorBody)));
    }

    [Fact]
    public void Clerk_event_signed_with_openssl_is_valid()
    {
        Assert.Equal(SignatureCheck.Valid, At(1716883200).Verify(Svix.MessageId, Timestamp, UserDeletedSignature, s_body));
    }

    [Fact]
    public void Body_is_signed_as_its_utf8_bytes()
    {
        Assert.Equal(SignatureCheck.Valid, At(1716883200).Verify(Svix.MessageId, Timestamp, NonAsciiSignature, Encoding.UTF8.GetBytes(NonAsciiBody)));
        Assert.Equal(SignatureCheck.NoMatchingSignature, At(1716883200).Verify(Svix.MessageId, Timestamp, NonAsciiSignature, Encoding.Latin1.GetBytes(NonAsciiBody)));
    }

    [Fact]
    public void Test_signer_agrees_with_openssl()
    {
        // The integration tests sign with Svix.Sign; it must give what openssl gave.
        Assert.Equal(UserDeletedSignature, Svix.Sign(Svix.Secret, Svix.MessageId, 1716883200, s_body));
    }

    [Fact]
    public void Changed_body_does_not_match()
    {
        var tampered = Encoding.UTF8.GetBytes(UserDeletedBody.Replace("\"deleted\":true", "\"deleted\":false", StringComparison.Ordinal));

        Assert.Equal(SignatureCheck.NoMatchingSignature, At(1716883200).Verify(Svix.MessageId, Timestamp, UserDeletedSignature, tampered));
    }

    [Fact]
    public void Body_with_a_trailing_newline_does_not_match()
    {
        var longer = Encoding.UTF8.GetBytes(UserDeletedBody + "\n");

        Assert.Equal(SignatureCheck.NoMatchingSignature, At(1716883200).Verify(Svix.MessageId, Timestamp, UserDeletedSignature, longer));
    }

    [Fact]
    public void Changed_id_does_not_match()
    {
        Assert.Equal(SignatureCheck.NoMatchingSignature, At(1716883200).Verify("msg_2hxNnYAXQWj4i2F0WgAKVN3tqzr", Timestamp, UserDeletedSignature, s_body));
    }

    [Fact]
    public void Changed_timestamp_does_not_match_even_within_the_tolerance()
    {
        Assert.Equal(SignatureCheck.NoMatchingSignature, At(1716883200).Verify(Svix.MessageId, "1716883201", UserDeletedSignature, s_body));
    }

    [Fact]
    public void Other_secret_does_not_match()
    {
        var verifier = Verifier(Svix.OtherSecret, FixedClock.AtUnixSeconds(1716883200));

        Assert.Equal(SignatureCheck.NoMatchingSignature, verifier.Verify(Svix.MessageId, Timestamp, UserDeletedSignature, s_body));
    }

    [Fact]
    public void Secret_without_its_prefix_is_the_same_key()
    {
        var verifier = Verifier(Svix.Secret["whsec_".Length..], FixedClock.AtUnixSeconds(1716883200));

        Assert.Equal(SignatureCheck.Valid, verifier.Verify(Svix.MessageId, Timestamp, UserDeletedSignature, s_body));
    }

    [Theory]
    [InlineData(0, SignatureCheck.Valid)]
    [InlineData(299, SignatureCheck.Valid)]
    [InlineData(300, SignatureCheck.Valid)]
    [InlineData(301, SignatureCheck.TooOld)]
    [InlineData(86_400, SignatureCheck.TooOld)]
    [InlineData(-299, SignatureCheck.Valid)]
    [InlineData(-300, SignatureCheck.Valid)]
    [InlineData(-301, SignatureCheck.TooNew)]
    [InlineData(-86_400, SignatureCheck.TooNew)]
    public void Timestamp_may_be_five_minutes_off_either_way(long clockAheadBySeconds, SignatureCheck expected)
    {
        Assert.Equal(expected, At(1716883200 + clockAheadBySeconds).Verify(Svix.MessageId, Timestamp, UserDeletedSignature, s_body));
    }

    [Fact]
    public void Tolerance_counts_fractions_of_a_second()
    {
        var clock = new FixedClock(DateTimeOffset.FromUnixTimeSeconds(1716883200 + 300).AddMilliseconds(1));

        Assert.Equal(SignatureCheck.TooOld, Verifier(Svix.Secret, clock).Verify(Svix.MessageId, Timestamp, UserDeletedSignature, s_body));
    }

    [Fact]
    public void Tolerance_can_be_narrowed()
    {
        var verifier = Verifier(Svix.Secret, FixedClock.AtUnixSeconds(1716883200 + 31), TimeSpan.FromSeconds(30));

        Assert.Equal(SignatureCheck.TooOld, verifier.Verify(Svix.MessageId, Timestamp, UserDeletedSignature, s_body));
    }

    [Fact]
    public void Stale_timestamp_is_refused_before_the_signature_is_looked_at()
    {
        Assert.Equal(SignatureCheck.TooOld, At(1716883200 + 301).Verify(Svix.MessageId, Timestamp, "v1,AAAA", s_body));
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("{0} v1,3Xn0oTkXh+8xsv0DmHMfrNI/NgyuBrnwM5dBsEB94Fg=")]
    [InlineData("v1,3Xn0oTkXh+8xsv0DmHMfrNI/NgyuBrnwM5dBsEB94Fg= {0}")]
    [InlineData("v1,3Xn0oTkXh+8xsv0DmHMfrNI/NgyuBrnwM5dBsEB94Fg= {0} v1,Hn6ygjTd3GwYRoMHxsOZQ4G6y+Dx9GmVb1WU2VzeEKI=")]
    [InlineData("v1,3Xn0oTkXh+8xsv0DmHMfrNI/NgyuBrnwM5dBsEB94Fg= v1,Hn6ygjTd3GwYRoMHxsOZQ4G6y+Dx9GmVb1WU2VzeEKI= {0}")]
    [InlineData("v2,future-scheme {0}")]
    [InlineData("{0}  v1,3Xn0oTkXh+8xsv0DmHMfrNI/NgyuBrnwM5dBsEB94Fg=")]
    public void Any_one_matching_signature_is_enough(string header)
    {
        // Svix sends several while a secret is rotated: the order of the entries does not matter.
        var signatures = string.Format(System.Globalization.CultureInfo.InvariantCulture, header, UserDeletedSignature);

        Assert.Equal(SignatureCheck.Valid, At(1716883200).Verify(Svix.MessageId, Timestamp, signatures, s_body));
    }

    [Fact]
    public void Signature_of_the_other_secret_next_to_the_right_one_is_enough()
    {
        var old = Svix.Sign(Svix.OtherSecret, Svix.MessageId, 1716883200, s_body);

        Assert.Equal(SignatureCheck.Valid, At(1716883200).Verify(Svix.MessageId, Timestamp, old + " " + UserDeletedSignature, s_body));
        Assert.Equal(SignatureCheck.NoMatchingSignature, At(1716883200).Verify(Svix.MessageId, Timestamp, old, s_body));
    }

    [Theory]
    [InlineData("v1,3Xn0oTkXh+8xsv0DmHMfrNI/NgyuBrnwM5dBsEB94Fg=")] // well formed, someone else's
    [InlineData("v1,3Xn0oTkXh+8xsv0DmHMfrNI/NgyuBrnwM5dBsEB94Fg= v1,Hn6ygjTd3GwYRoMHxsOZQ4G6y+Dx9GmVb1WU2VzeEKI=")]
    [InlineData("1SNnHqu7laNzX1MKmh/ssslvZWvM5perYs77GYjk5V0=")] // the right signature without its version
    [InlineData("v2,1SNnHqu7laNzX1MKmh/ssslvZWvM5perYs77GYjk5V0=")] // ...with another version
    [InlineData("V1,1SNnHqu7laNzX1MKmh/ssslvZWvM5perYs77GYjk5V0=")]
    [InlineData("v1 1SNnHqu7laNzX1MKmh/ssslvZWvM5perYs77GYjk5V0=")]
    [InlineData("v1,1SNnHqu7laNzX1MKmh/ssslvZWvM5perYs77GYjk5V0")] // padding missing
    [InlineData("v1,1SNnHqu7laNzX1MKmh/ssslvZWvM5perYs77GYjk5V0==")]
    [InlineData("v1,1SNnHqu7laNzX1MKmh_ssslvZWvM5perYs77GYjk5V0=")] // base64url
    [InlineData("v1,1SNnHqu7laNzX1MKmh/ssslv")] // a prefix of it
    [InlineData("v1,1SNnHqu7laNzX1MKmh/ssslvZWvM5perYs77GYjk5V0AAAA=")] // longer
    [InlineData("v1,")]
    [InlineData("v1")]
    [InlineData(",")]
    [InlineData(" ")]
    [InlineData("v1,not base64!")]
    public void Malformed_or_foreign_signatures_match_nothing(string signatures)
    {
        Assert.Equal(SignatureCheck.NoMatchingSignature, At(1716883200).Verify(Svix.MessageId, Timestamp, signatures, s_body));
    }

    [Theory]
    [InlineData(null, Timestamp, UserDeletedSignature)]
    [InlineData("", Timestamp, UserDeletedSignature)]
    [InlineData(Svix.MessageId, null, UserDeletedSignature)]
    [InlineData(Svix.MessageId, "", UserDeletedSignature)]
    [InlineData(Svix.MessageId, Timestamp, null)]
    [InlineData(Svix.MessageId, Timestamp, "")]
    [InlineData(null, null, null)]
    public void Missing_header_is_reported(string? id, string? timestamp, string? signatures)
    {
        Assert.Equal(SignatureCheck.MissingHeaders, At(1716883200).Verify(id, timestamp, signatures, s_body));
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-1716883200")]
    [InlineData("+1716883200")]
    [InlineData(" 1716883200")]
    [InlineData("1716883200 ")]
    [InlineData("1716883200.0")]
    [InlineData("1.7e9")]
    [InlineData("1716883200,1716883200")]
    [InlineData("2024-05-28T08:00:00Z")]
    [InlineData("99999999999999999999")] // beyond long
    [InlineData("253402300800")] // beyond DateTimeOffset.MaxValue
    public void Timestamp_that_is_not_whole_seconds_is_reported(string timestamp)
    {
        Assert.Equal(SignatureCheck.MalformedTimestamp, At(1716883200).Verify(Svix.MessageId, timestamp, UserDeletedSignature, s_body));
    }

    [Fact]
    public void Timestamp_in_milliseconds_is_reported_as_malformed()
    {
        // Clerk's event bodies carry milliseconds, the svix-timestamp header seconds: as seconds,
        // 1716883200000 is past the year 9999.
        Assert.Equal(SignatureCheck.MalformedTimestamp, At(1716883200).Verify(Svix.MessageId, "1716883200000", UserDeletedSignature, s_body));
    }

    [Fact]
    public void Secret_is_read_from_whsec_and_base64()
    {
        Assert.True(SvixSignatureVerifier.TryParseSecret(Svix.Secret, out var key));

        Assert.Equal(Svix.Key(Svix.Secret), key);
        Assert.Equal(24, key.Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("whsec_")]
    [InlineData("whsec_not base64!")]
    [InlineData("whsec_WaJGGfSSMEMpLTz3x/VhNNNdWtBbKSv")] // truncated
    [InlineData("sk_test_WaJGGfSSMEMpLTz3x/VhNNNdWtBbKSvG")] // an API key is no signing secret
    public void Unusable_secret_is_refused(string? secret)
    {
        Assert.False(SvixSignatureVerifier.TryParseSecret(secret, out var key));
        Assert.Empty(key);
    }
}
