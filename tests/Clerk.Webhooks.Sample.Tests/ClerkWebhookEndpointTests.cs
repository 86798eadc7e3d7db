using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Clerk.Models.Testing;
using Xunit;

namespace Clerk.Webhooks.Sample.Tests;

/// <summary>
/// POST /webhooks/clerk with Clerk's documented events (tests/Payloads/clerk), signed as Svix signs
/// them: what the app keeps, and how it answers each kind of request.
/// </summary>
public sealed class ClerkWebhookEndpointTests : IDisposable
{
    // The three user.* examples of the webhooks spec are about this user.
    private const string SpecUserId = "user_2BYAqtuVYky2CQCbI4nNWXV7SSq";

    private static readonly string s_now = SampleApp.Now.ToString(CultureInfo.InvariantCulture);

    private readonly SampleApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task User_created_saves_the_user_with_its_primary_email()
    {
        // Clerk's docs' example: its user has an email address, which the spec's examples lack.
        var response = await _app.PostSignedAsync(Payloads.Read("webhook-user-created-docs.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var user = _app.Users.Find("user_2hxNlzBP0b4WpqAFohVHAUZIFe4");
        Assert.Equal(
            new DirectoryUser("user_2hxNlzBP0b4WpqAFohVHAUZIFe4", "example.user@example.com", "Example", "User", DateTimeOffset.FromUnixTimeMilliseconds(1654012591835)),
            user);
    }

    [Fact]
    public async Task User_created_updated_and_deleted_keep_the_directory_in_step()
    {
        Assert.Equal(HttpStatusCode.OK, (await _app.PostSignedAsync(Payloads.Read("webhook-user-created.json"))).StatusCode);
        Assert.Equal("Sample", _app.Users.Find(SpecUserId)?.LastName);
        // Its primary_email_address_id names an address its (empty) email_addresses does not hold.
        Assert.Null(_app.Users.Find(SpecUserId)?.PrimaryEmail);

        Assert.Equal(HttpStatusCode.OK, (await _app.PostSignedAsync(Payloads.Read("webhook-user-updated.json"))).StatusCode);
        Assert.Equal("Sample Updated", _app.Users.Find(SpecUserId)?.LastName);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1716883500000), _app.Users.Find(SpecUserId)?.UpdatedAt);

        Assert.Equal(HttpStatusCode.OK, (await _app.PostSignedAsync(Payloads.Read("webhook-user-deleted.json"))).StatusCode);
        Assert.Null(_app.Users.Find(SpecUserId));
        Assert.Equal(0, _app.Users.Count);
    }

    [Fact]
    public async Task Update_delivered_before_the_creation_is_not_undone_by_it()
    {
        await _app.PostSignedAsync(Payloads.Read("webhook-user-updated.json"));

        var response = await _app.PostSignedAsync(Payloads.Read("webhook-user-created.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Sample Updated", _app.Users.Find(SpecUserId)?.LastName);
    }

    [Fact]
    public async Task Deleting_a_user_the_directory_does_not_have_is_acknowledged()
    {
        var response = await _app.PostSignedAsync(Payloads.Read("webhook-user-deleted.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, _app.Users.Count);
    }

    [Fact]
    public async Task Event_of_a_type_the_spec_does_not_list_is_acknowledged_and_kept_exactly()
    {
        // The user.deleted example under a type the spec does not have, as if Clerk had added it;
        // the escape, the number's spelling and the extra member must all be kept.
        var json = """
            {
              "data": {"deleted": true, "external_id": "crm-004217", "id": "user_2BYAqtuVYky2CQCbI4nNWXV7SSq", "object": "user"},
              "instance_id": "ins_2SBidnniPG8EoezAX6h0qwSENQQ",
              "object": "event",
              "reason": "caf\u00e9 closed",
              "timestamp": 1.7168832E9,
              "type": "user.archived"
            }
            """;

        var response = await _app.PostSignedAsync(Encoding.UTF8.GetBytes(json));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var kept = Assert.Single(_app.UnknownEvents.ToList());
        JsonAssert.Equal(json, kept.ToString());
        Assert.Contains("""caf\u00e9""", kept.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, _app.Users.Count);
    }

    [Fact]
    public async Task Unknown_event_is_kept_byte_for_byte_when_sent_without_whitespace()
    {
        const string Json = """{"object":"event","type":"user.archived","instance_id":"ins_2SBidnniPG8EoezAX6h0qwSENQQ","timestamp":1716883200,"data":{"id":"user_2BYAqtuVYky2CQCbI4nNWXV7SSq"}}""";

        await _app.PostSignedAsync(Encoding.UTF8.GetBytes(Json));

        Assert.Equal(Json, Assert.Single(_app.UnknownEvents.ToList()).ToString());
    }

    [Fact]
    public async Task Event_of_the_spec_that_the_app_does_not_handle_is_acknowledged_and_not_kept()
    {
        // The organization.created event: Clerk's organization example in the envelope of its events.
        var body = Envelope("organization.created", Payloads.Read("organization.json"));

        var response = await _app.PostSignedAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_app.UnknownEvents.ToList());
        Assert.Equal(0, _app.Users.Count);
    }

    [Fact]
    public async Task Body_changed_after_signing_is_refused()
    {
        var body = Payloads.Read("webhook-user-created-docs.json");
        var signature = Svix.Sign(Svix.Secret, Svix.MessageId, SampleApp.Now, body);
        var changed = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("example.user@", "attacker@", StringComparison.Ordinal));

        var response = await _app.PostAsync(changed, Svix.MessageId, s_now, signature);

        await AssertUnauthorizedAsync(response, "No signature");
    }

    [Fact]
    public async Task Event_signed_with_another_secret_is_refused()
    {
        var body = Payloads.Read("webhook-user-created-docs.json");

        var response = await _app.PostAsync(body, Svix.MessageId, s_now, Svix.Sign(Svix.OtherSecret, Svix.MessageId, SampleApp.Now, body));

        await AssertUnauthorizedAsync(response, "No signature");
    }

    [Theory]
    [InlineData(-301, "in the past")]
    [InlineData(-86_400, "in the past")]
    [InlineData(301, "in the future")]
    [InlineData(86_400, "in the future")]
    public async Task Event_signed_more_than_five_minutes_from_now_is_refused(long offsetSeconds, string detail)
    {
        // Correctly signed, but at another time: a replay of an old message, or a clock far off.
        var body = Payloads.Read("webhook-user-created-docs.json");
        var then = SampleApp.Now + offsetSeconds;

        var response = await _app.PostAsync(body, Svix.MessageId, then.ToString(CultureInfo.InvariantCulture), Svix.Sign(Svix.Secret, Svix.MessageId, then, body));

        await AssertUnauthorizedAsync(response, detail);
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public async Task Event_signed_five_minutes_from_now_is_accepted(long offsetSeconds)
    {
        var body = Payloads.Read("webhook-user-created-docs.json");
        var then = SampleApp.Now + offsetSeconds;

        var response = await _app.PostAsync(body, Svix.MessageId, then.ToString(CultureInfo.InvariantCulture), Svix.Sign(Svix.Secret, Svix.MessageId, then, body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _app.Users.Count);
    }

    [Fact]
    public async Task Clock_that_moved_on_makes_the_same_request_stale()
    {
        var body = Payloads.Read("webhook-user-created-docs.json");
        var signature = Svix.Sign(Svix.Secret, Svix.MessageId, SampleApp.Now, body);
        _app.Clock.Now = _app.Clock.Now.AddMinutes(5).AddSeconds(1);

        var response = await _app.PostAsync(body, Svix.MessageId, s_now, signature);

        await AssertUnauthorizedAsync(response, "in the past");
    }

    [Theory]
    [InlineData(false, true, true)]
    [InlineData(true, false, true)]
    [InlineData(true, true, false)]
    [InlineData(false, false, false)]
    public async Task Request_without_a_svix_header_is_refused(bool sendId, bool sendTimestamp, bool sendSignature)
    {
        var body = Payloads.Read("webhook-user-created-docs.json");
        var signature = Svix.Sign(Svix.Secret, Svix.MessageId, SampleApp.Now, body);

        var response = await _app.PostAsync(body, sendId ? Svix.MessageId : null, sendTimestamp ? s_now : null, sendSignature ? signature : null);

        await AssertUnauthorizedAsync(response, "needs the headers");
    }

    [Fact]
    public async Task Timestamp_that_is_not_seconds_is_refused()
    {
        var body = Payloads.Read("webhook-user-created-docs.json");

        var response = await _app.PostAsync(body, Svix.MessageId, "2024-05-28T08:00:00Z", Svix.Sign(Svix.Secret, Svix.MessageId, SampleApp.Now, body));

        await AssertUnauthorizedAsync(response, "not a whole number");
    }

    [Fact]
    public async Task Unreadable_body_with_a_bad_signature_is_refused_as_unsigned()
    {
        // Nothing is read from a body that is not Clerk's: no parser error reaches a stranger.
        var body = "{\"type\":"u8.ToArray();

        var response = await _app.PostAsync(body, Svix.MessageId, s_now, Svix.Sign(Svix.OtherSecret, Svix.MessageId, SampleApp.Now, body));

        await AssertUnauthorizedAsync(response, "No signature");
    }

    [Fact]
    public async Task Value_the_model_refuses_is_a_bad_request_naming_its_path()
    {
        // Clerk's earliest Go fixture has ISO-8601 strings for created_at, which is an integer.
        var body = Envelope("user.created", Payloads.Read("user-go-sdk-v1-fixture-2021.json"));

        var response = await _app.PostSignedAsync(body);

        var problem = await AssertBadRequestAsync(response, "$.data.created_at");
        Assert.Contains("$.data.created_at", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, _app.Users.Count);
    }

    [Fact]
    public async Task Member_of_the_wrong_kind_deep_in_the_event_names_its_path()
    {
        var json = Encoding.UTF8.GetString(Payloads.Read("webhook-user-created-docs.json"))
            .Replace("\"linked_to\": []", "\"linked_to\": {}", StringComparison.Ordinal);

        var response = await _app.PostSignedAsync(Encoding.UTF8.GetBytes(json));

        await AssertBadRequestAsync(response, "$.data.email_addresses[0].linked_to");
    }

    [Fact]
    public async Task Truncated_json_is_a_bad_request()
    {
        var body = Payloads.Read("webhook-user-created-docs.json");

        var response = await _app.PostSignedAsync(body[..(body.Length / 2)]);

        var problem = await AssertBadRequestAsync(response, "$");
        Assert.Contains("BytePositionInLine", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"user.created\"")]
    [InlineData("{\"type\":\"user.created\",}")]
    public async Task Body_that_is_no_event_object_is_a_bad_request(string json)
    {
        var response = await _app.PostSignedAsync(Encoding.UTF8.GetBytes(json));

        await AssertBadRequestAsync(response, "$");
        Assert.Empty(_app.UnknownEvents.ToList());
    }

    [Theory]
    [InlineData("""{"object":"event","type":"user.created","instance_id":"ins_2SBidnniPG8EoezAX6h0qwSENQQ","timestamp":1716883200}""", "$.data")]
    [InlineData("""{"object":"event","type":"user.updated","instance_id":"ins_2SBidnniPG8EoezAX6h0qwSENQQ","timestamp":1716883200,"data":{"object":"user"}}""", "$.data.id")]
    [InlineData("""{"object":"event","type":"user.deleted","instance_id":"ins_2SBidnniPG8EoezAX6h0qwSENQQ","timestamp":1716883200,"data":{"object":"user","deleted":true}}""", "$.data.id")]
    public async Task User_event_without_the_user_id_is_a_bad_request(string json, string path)
    {
        // The model reads these (it is lenient about required members), but the app cannot use them.
        var response = await _app.PostSignedAsync(Encoding.UTF8.GetBytes(json));

        await AssertBadRequestAsync(response, path);
    }

    /// <summary>An event of Clerk's envelope around <paramref name="data"/>, as the spec's examples have it.</summary>
    private static byte[] Envelope(string type, byte[] data) =>
    [
        .. Encoding.UTF8.GetBytes($$"""{"data":"""),
        .. data,
        .. Encoding.UTF8.GetBytes($$""","instance_id":"ins_2SBidnniPG8EoezAX6h0qwSENQQ","object":"event","timestamp":1716883200,"type":"{{type}}"}"""),
    ];

    private async Task AssertUnauthorizedAsync(HttpResponseMessage response, string detail)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await ReadProblemAsync(response);
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, _app.Users.Count);
        Assert.Empty(_app.UnknownEvents.ToList());
    }

    private static async Task<JsonElement> AssertBadRequestAsync(HttpResponseMessage response, string path)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadProblemAsync(response);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal(path, problem.GetProperty("path").GetString());
        return problem;
    }

    private static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
