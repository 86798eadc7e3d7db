using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Clerk.Webhooks.Sample.Tests;

/// <summary>The sample hosted in memory, with a signing secret of the tests' and a clock that stands still.</summary>
public sealed class SampleApp(string? secret = Svix.Secret) : WebApplicationFactory<Program>
{
    /// <summary>The clock's instant: 2024-05-28T08:00:00Z, the timestamp of the spec's user examples.</summary>
    public const long Now = 1716883200;

    public FixedClock Clock { get; } = FixedClock.AtUnixSeconds(Now);

    public UserDirectory Users => Services.GetRequiredService<UserDirectory>();

    public UnknownEvents UnknownEvents => Services.GetRequiredService<UnknownEvents>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Set even when null, so that a secret of the environment or of user-secrets does not count.
        builder.UseSetting("Clerk:WebhookSecret", secret);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>Posts <paramref name="body"/> signed as Clerk would sign it now with <see cref="Svix.Secret"/>.</summary>
    public Task<HttpResponseMessage> PostSignedAsync(byte[] body) =>
        PostAsync(body, Svix.MessageId, Now.ToString(System.Globalization.CultureInfo.InvariantCulture), Svix.Sign(Svix.Secret, Svix.MessageId, Now, body));

    /// <summary>Posts <paramref name="body"/> with these <c>svix-*</c> headers; a null one is not sent.</summary>
    public async Task<HttpResponseMessage> PostAsync(byte[] body, string? id, string? timestamp, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ClerkWebhookEndpoint.Route) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        Add(request, SvixSignatureVerifier.IdHeader, id);
        Add(request, SvixSignatureVerifier.TimestampHeader, timestamp);
        Add(request, SvixSignatureVerifier.SignatureHeader, signature);
        using var client = CreateClient();
        return await client.SendAsync(request);
    }

    private static void Add(HttpRequestMessage request, string name, string? value)
    {
        if (value is not null)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }
}
