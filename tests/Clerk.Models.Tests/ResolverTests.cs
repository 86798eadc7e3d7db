using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Clerk.Models.Testing;
using Xunit;

namespace Clerk.Models.Tests;

/// <summary>
/// The generated resolver gives System.Text.Json the metadata of the generated types without reflection,
/// alone or combined with a user's own source-generated context.
/// </summary>
public sealed class ResolverTests
{
    [Fact]
    public void Typed_metadata_reads_and_writes_a_user_exactly()
    {
        var json = Payloads.Read("user-typical.json");

        var user = JsonSerializer.Deserialize(json, ClerkUserJson.Default.User)!;

        JsonAssert.Equal(json, JsonSerializer.Serialize(user, ClerkUserJson.Default.User));
    }

    [Fact]
    public void Combined_with_an_application_context_both_kinds_of_type_work_and_nothing_falls_back_to_reflection()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = JsonTypeInfoResolver.Combine(ClerkUserJson.Default, AppJsonContext.Default) };
        var user = JsonSerializer.Deserialize<User>(Payloads.Read("user-minimal.json"), options)!;

        var envelope = JsonSerializer.Serialize(new Envelope { Kind = "user.created" }, options);
        var written = JsonSerializer.Serialize(user, options);

        Assert.Equal("""{"Kind":"user.created"}""", envelope);
        JsonAssert.Equal(Payloads.Read("user-minimal.json"), written);
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Serialize(new NotInAnyContext(), options));
    }

    [Fact]
    public void Arrays_and_lists_of_users_are_resolved_too()
    {
        var json = Payloads.Read("users-page.json");
        var options = ClerkUserJson.Default.Options;

        var array = JsonSerializer.Deserialize<User[]>(json, options)!;
        var list = JsonSerializer.Deserialize<Runtime.ValueList<User>>(json, options)!;

        Assert.Equal(12, array.Length);
        Assert.Equal(array, list.AsSpan().ToArray());
        JsonAssert.Equal(json, JsonSerializer.Serialize(list, options));
    }
}

public sealed class Envelope
{
    public string? Kind { get; set; }
}

public sealed class NotInAnyContext
{
    public int Value { get; set; }
}

[JsonSerializable(typeof(Envelope))]
internal sealed partial class AppJsonContext : JsonSerializerContext
{
}
