using System;
using System.Threading;
using Clerk.Webhooks.Sample;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddProblemDetails();
builder.Services.AddOptions<ClerkWebhookOptions>().BindConfiguration(ClerkWebhookOptions.Section).ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<ClerkWebhookOptions>, ClerkWebhookOptionsValidator>();
// The verifier's clock; tests put a fixed one in its place.
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(services =>
{
    var secret = services.GetRequiredService<IOptions<ClerkWebhookOptions>>().Value.WebhookSecret;
    SvixSignatureVerifier.TryParseSecret(secret, out var key); // the validator has accepted it
    return new SvixSignatureVerifier(key, services.GetRequiredService<TimeProvider>());
});
builder.Services.AddSingleton<UserDirectory>();
builder.Services.AddSingleton<UnknownEvents>();
builder.Services.AddSingleton<ClerkEventHandler>();
builder.Services.AddSingleton<ClerkWebhookEndpoint>();

var app = builder.Build();

// ValidateOnStart would refuse to start without a secret too, but with a logged stack trace:
// checked here first, `dotnet run` says what is wrong in one line.
try
{
    _ = app.Services.GetRequiredService<IOptions<ClerkWebhookOptions>>().Value;
}
catch (OptionsValidationException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}

app.MapPost(ClerkWebhookEndpoint.Route, (HttpRequest request, ClerkWebhookEndpoint endpoint, CancellationToken cancellationToken) =>
    endpoint.ReceiveAsync(request, cancellationToken));

app.Run();
return 0;
