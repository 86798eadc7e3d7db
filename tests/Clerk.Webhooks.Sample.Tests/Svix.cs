using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Clerk.Webhooks.Sample.Tests;

/// <summary>Signs test messages as Svix does, independently of the sample's verifier.</summary>
public static class Svix
{
    /// <summary>A made-up signing secret, in the form Clerk's dashboard shows.</summary>
    public const string Secret = "whsec_WaJGGfSSMEMpLTz3x/VhNNNdWtBbKSvG";

    /// <summary>Another secret, for messages signed with the wrong one.</summary>
    public const string OtherSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    /// <summary>A message id in Svix's form.</summary>
    public const string MessageId = "msg_2hxNnYAXQWj4i2F0WgAKVN3tqzq";

    public static byte[] Key(string secret) => Convert.FromBase64String(secret["whsec_".Length..]);

    /// <summary><c>v1,</c> and the base64 HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c>.</summary>
    public static string Sign(string secret, string id, long timestamp, byte[] body)
    {
        var content = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(body).ToArray();
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(Key(secret), content));
    }
}
