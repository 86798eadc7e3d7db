using System;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Clerk.Webhooks.Sample;

/// <summary>What <see cref="SvixSignatureVerifier.Verify"/> found.</summary>
public enum SignatureCheck
{
    /// <summary>One of the signatures is the body's, and the timestamp is within the tolerance.</summary>
    Valid,

    /// <summary><c>svix-id</c>, <c>svix-timestamp</c> or <c>svix-signature</c> is missing or empty.</summary>
    MissingHeaders,

    /// <summary><c>svix-timestamp</c> is not a whole number of seconds since 1970.</summary>
    MalformedTimestamp,

    /// <summary>The timestamp is further in the past than the tolerance allows.</summary>
    TooOld,

    /// <summary>The timestamp is further in the future than the tolerance allows.</summary>
    TooNew,

    /// <summary>No <c>v1</c> signature of <c>svix-signature</c> matches the message.</summary>
    NoMatchingSignature,
}

/// <summary>
/// Checks the signature Svix (Clerk's webhook sender) puts on each message: an HMAC-SHA256 of
/// <c>{svix-id}.{svix-timestamp}.{body}</c>, keyed with the endpoint's secret, in base64.
/// <c>svix-signature</c> holds one or more space-separated <c>v1,&lt;base64&gt;</c> entries (more than
/// one while a secret is being rotated); one match is enough.
/// </summary>
public sealed class SvixSignatureVerifier
{
    /// <summary>How far the timestamp may be from the clock, either way: Svix's own libraries allow 5 minutes.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    /// <summary>The message's id, the same on every retry of it.</summary>
    public const string IdHeader = "svix-id";

    /// <summary>When this attempt was sent, in seconds since 1970.</summary>
    public const string TimestampHeader = "svix-timestamp";

    /// <summary>The signatures: <c>v1,&lt;base64&gt;</c> entries separated by spaces.</summary>
    public const string SignatureHeader = "svix-signature";

    private const string SecretPrefix = "whsec_";
    private const int SignatureSize = HMACSHA256.HashSizeInBytes;
    private static readonly long s_maxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    private readonly byte[] _key;
    private readonly TimeProvider _time;

    /// <param name="key">The secret's bytes (see <see cref="TryParseSecret"/>).</param>
    /// <param name="time">The clock the timestamp is compared with.</param>
    /// <param name="tolerance">How far the timestamp may be from the clock; <see cref="DefaultTolerance"/> if null.</param>
    public SvixSignatureVerifier(byte[] key, TimeProvider time, TimeSpan? tolerance = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(time);
        if (key.Length == 0)
        {
            throw new ArgumentException("The key is empty.", nameof(key));
        }

        _key = key;
        _time = time;
        Tolerance = tolerance ?? DefaultTolerance;
    }

    /// <summary>How far the timestamp may be from the clock, either way.</summary>
    public TimeSpan Tolerance { get; }

    /// <summary>
    /// Reads a signing secret as Clerk's dashboard shows it, <c>whsec_</c> and base64; like Svix's
    /// libraries, accepts the base64 without the prefix too.
    /// </summary>
    public static bool TryParseSecret(string? secret, out byte[] key)
    {
        key = [];
        if (string.IsNullOrWhiteSpace(secret))
        {
            return false;
        }

        var base64 = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        var buffer = new byte[base64.Length];
        if (base64.Length == 0 || !Convert.TryFromBase64String(base64, buffer, out int written) || written == 0)
        {
            return false;
        }

        key = buffer[..written];
        return true;
    }

    /// <summary>Checks one message: the values of its three <c>svix-*</c> headers and its body as received.</summary>
    public SignatureCheck Verify(string? id, string? timestamp, string? signatures, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signatures))
        {
            return SignatureCheck.MissingHeaders;
        }

        // Digits only: no sign, no spaces, nothing a lenient parser would skip.
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds) || seconds > s_maxUnixSeconds)
        {
            return SignatureCheck.MalformedTimestamp;
        }

        var age = _time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age > Tolerance)
        {
            return SignatureCheck.TooOld;
        }

        if (age < -Tolerance)
        {
            return SignatureCheck.TooNew;
        }

        Span<byte> expected = stackalloc byte[SignatureSize];
        Sign(id, timestamp, body, expected);

        Span<byte> received = stackalloc byte[SignatureSize];
        foreach (var range in signatures.AsSpan().Split(' '))
        {
            var entry = signatures.AsSpan()[range];
            if (entry.StartsWith("v1,", StringComparison.Ordinal)
                && IsSignature(entry["v1,".Length..], received)
                && CryptographicOperations.FixedTimeEquals(expected, received))
            {
                return SignatureCheck.Valid;
            }
        }

        return SignatureCheck.NoMatchingSignature;
    }

    private void Sign(string id, string timestamp, ReadOnlySpan<byte> body, Span<byte> signature)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(Encoding.UTF8.GetBytes(id));
        hmac.AppendData("."u8);
        hmac.AppendData(Encoding.UTF8.GetBytes(timestamp));
        hmac.AppendData("."u8);
        hmac.AppendData(body);
        hmac.GetHashAndReset(signature);
    }

    // A signature is the base64 of exactly one HMAC-SHA256; anything else matches nothing.
    private static bool IsSignature(ReadOnlySpan<char> base64, Span<byte> signature) =>
        base64.Length == Base64.GetMaxEncodedToUtf8Length(SignatureSize)
        && Convert.TryFromBase64Chars(base64, signature, out int written)
        && written == SignatureSize;
}
