using System;
using System.Diagnostics;
using System.IO;
using Microsoft.Extensions.Options;
using Xunit;

namespace Clerk.Webhooks.Sample.Tests;

/// <summary>Without a usable signing secret the app does not start, and says how to set one.</summary>
public sealed class StartupTests
{
    [Theory]
    [InlineData(null, "Clerk:WebhookSecret is not set")]
    [InlineData("whsec_not base64!", "Clerk:WebhookSecret is not a signing secret")]
    public void Sample_without_a_usable_secret_exits_with_one_line_that_says_how_to_set_it(string? secret, string reason)
    {
        var (exitCode, standardError) = RunSample(secret);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(standardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith(reason, line, StringComparison.Ordinal);
        Assert.Contains("Clerk__WebhookSecret", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("whsec_not base64!")]
    public void Hosted_app_without_a_usable_secret_does_not_start(string? secret)
    {
        using var app = new SampleApp(secret);

        Assert.ThrowsAny<InvalidOperationException>(() => app.CreateClient());
    }

    [Fact]
    public void Hosted_app_with_a_secret_starts()
    {
        using var app = new SampleApp(Svix.Secret);

        using var client = app.CreateClient();
    }

    [Theory]
    [InlineData(null, "is not set")]
    [InlineData("", "is not set")]
    [InlineData("   ", "is not set")]
    [InlineData("whsec_", "is not a signing secret")]
    [InlineData("whsec_not base64!", "is not a signing secret")]
    [InlineData("sk_test_WaJGGfSSMEMpLTz3x/VhNNNdWtBbKSvG", "is not a signing secret")] // an API key
    public void Validator_refuses_an_unusable_secret_and_says_how_to_set_one(string? secret, string reason)
    {
        var result = new ClerkWebhookOptionsValidator().Validate(null, new ClerkWebhookOptions { WebhookSecret = secret });

        Assert.True(result.Failed);
        Assert.StartsWith("Clerk:WebhookSecret " + reason, result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("dotnet user-secrets set Clerk:WebhookSecret", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Svix.Secret)]
    [InlineData("WaJGGfSSMEMpLTz3x/VhNNNdWtBbKSvG")] // without its prefix, as Svix's libraries take it too
    public void Validator_accepts_a_signing_secret(string secret)
    {
        var result = new ClerkWebhookOptionsValidator().Validate(null, new ClerkWebhookOptions { WebhookSecret = secret });

        Assert.Equal(ValidateOptionsResult.Success, result);
    }

    /// <summary>Runs the sample's build beside the tests as <c>dotnet run</c> would, in Production.</summary>
    private static (int ExitCode, string StandardError) RunSample(string? secret)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Clerk.Webhooks.Sample.dll") },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // No secret from the environment of whoever runs the tests, nor from their user-secrets
        // (read in Development only); should the sample start after all, on a port of its own.
        start.Environment.Remove("Clerk__WebhookSecret");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        if (secret is not null)
        {
            start.Environment["Clerk__WebhookSecret"] = secret;
        }

        using var process = Process.Start(start)!;
        var standardError = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("The sample did not exit: it started without a usable secret.");
        }

        return (process.ExitCode, standardError.Result);
    }
}
