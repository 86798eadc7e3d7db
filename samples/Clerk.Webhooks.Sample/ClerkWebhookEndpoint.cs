using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Clerk.Webhooks.Sample;

/// <summary>
/// <c>POST /webhooks/clerk</c>: verifies the signature on the body as it came, then reads the same
/// bytes as a <see cref="WebhookEvent"/> and hands it to <see cref="ClerkEventHandler"/>.
/// </summary>
/// <remarks>
/// 200 for every verified event, also one the app ignores or does not know (Svix would otherwise
/// retry it for days); 401 when the signature does not verify; 400 with the JSON path when the
/// body is not an event the model reads.
/// </remarks>
public sealed partial class ClerkWebhookEndpoint(SvixSignatureVerifier verifier, ClerkEventHandler handler, ILogger<ClerkWebhookEndpoint> logger)
{
    public const string Route = "/webhooks/clerk";

    public async Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // The signature is over the exact bytes sent: nothing may parse or re-encode them first.
        var body = await ReadBodyAsync(request, cancellationToken);

        var check = verifier.Verify(
            request.Headers[SvixSignatureVerifier.IdHeader],
            request.Headers[SvixSignatureVerifier.TimestampHeader],
            request.Headers[SvixSignatureVerifier.SignatureHeader],
            body);
        if (check != SignatureCheck.Valid)
        {
            LogRefused(logger, check);
            return TypedResults.Problem(Describe(check), statusCode: StatusCodes.Status401Unauthorized, title: "The webhook's signature does not verify");
        }

        try
        {
            var evt = JsonSerializer.Deserialize(body, ClerkWebhooksJson.Default.WebhookEvent)
                ?? throw new JsonException("The body is JSON null, not an event.", "$", null, null);
            handler.Handle(evt);
        }
        catch (JsonException ex)
        {
            LogUnreadable(logger, ex.Path, ex.Message);
            return TypedResults.Problem(
                ex.Message,
                statusCode: StatusCodes.Status400BadRequest,
                title: "The webhook's body is not an event this app reads",
                extensions: new Dictionary<string, object?> { ["path"] = ex.Path });
        }

        return TypedResults.Ok();
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private string Describe(SignatureCheck check) => check switch
    {
        SignatureCheck.MissingHeaders => $"The request needs the headers {SvixSignatureVerifier.IdHeader}, {SvixSignatureVerifier.TimestampHeader} and {SvixSignatureVerifier.SignatureHeader}.",
        SignatureCheck.MalformedTimestamp => $"{SvixSignatureVerifier.TimestampHeader} is not a whole number of seconds since 1970.",
        SignatureCheck.TooOld => $"{SvixSignatureVerifier.TimestampHeader} is more than {(int)verifier.Tolerance.TotalSeconds} seconds in the past.",
        SignatureCheck.TooNew => $"{SvixSignatureVerifier.TimestampHeader} is more than {(int)verifier.Tolerance.TotalSeconds} seconds in the future.",
        _ => $"No signature of {SvixSignatureVerifier.SignatureHeader} is the body's under this endpoint's signing secret.",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a webhook: {Check}")]
    private static partial void LogRefused(ILogger logger, SignatureCheck check);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a verified webhook whose body does not read, at {Path}: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string? path, string reason);
}
