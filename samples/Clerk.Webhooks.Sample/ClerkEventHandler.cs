using System.Text.Json;
using Clerk.Models.Runtime;
using Microsoft.Extensions.Logging;

namespace Clerk.Webhooks.Sample;

/// <summary>What the app does with each verified event: keeps its user directory in step with Clerk.</summary>
public sealed partial class ClerkEventHandler(UserDirectory users, UnknownEvents unknownEvents, ILogger<ClerkEventHandler> logger)
{
    /// <exception cref="JsonException">
    /// The event reads, but lacks what the app needs (a user event without the user's id), or is not
    /// an object at all; <see cref="JsonException.Path"/> says where.
    /// </exception>
    public void Handle(WebhookEvent evt)
    {
        switch (evt)
        {
            case WebhookEvent.UserCreated(var e):
                Save(e.Data, e.Type);
                break;
            case WebhookEvent.UserUpdated(var e):
                Save(e.Data, e.Type);
                break;
            case WebhookEvent.UserDeleted(var e):
                var id = e.Data?.Id ?? throw Missing("$.data.id", "a user.deleted event without the id of the user");
                LogUserDeleted(logger, id, users.Remove(id));
                break;
            case WebhookEvent.Unknown(var json):
                // Anything that is not one of the spec's events reads as Unknown, even `[]`: only an
                // object can be an event that Clerk added after the spec.
                if (json.ValueKind != JsonValueKind.Object)
                {
                    throw new JsonException($"The body is a JSON {json.ValueKind.ToString().ToLowerInvariant()}, not an event object.", "$", null, null);
                }

                unknownEvents.Add(json);
                LogUnknownEvent(logger, TypeOf(json));
                break;
            default:
                // An event of the spec that this app has no use for (organization.created, session.ended, ...).
                LogIgnored(logger, evt.GetType().Name);
                break;
        }
    }

    private void Save(User? user, string? eventType)
    {
        if (user is null)
        {
            throw Missing("$.data", $"a {eventType} event without its user");
        }

        var id = user.Id ?? throw Missing("$.data.id", $"a {eventType} event without the id of the user");
        users.Save(DirectoryUser.From(id, user));
        LogUserSaved(logger, id, eventType);
    }

    private static JsonException Missing(string path, string what) =>
        new($"The event is {what}.", path, lineNumber: null, bytePositionInLine: null);

    private static string? TypeOf(RawJson json) =>
        json.ToJsonElement().TryGetProperty("type"u8, out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Saved user {UserId} from {EventType}")]
    private static partial void LogUserSaved(ILogger logger, string userId, string? eventType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed user {UserId} (was in the directory: {WasKnown})")]
    private static partial void LogUserDeleted(ILogger logger, string userId, bool wasKnown);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kept an event of type {EventType}, which the spec does not list")]
    private static partial void LogUnknownEvent(ILogger logger, string? eventType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a {Case} event")]
    private static partial void LogIgnored(ILogger logger, string @case);
}
