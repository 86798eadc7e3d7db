using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Clerk.Models;
using Clerk.Models.Sample;
using Clerk.Models.Testing;

// Exit codes: 0 the round trip is exact, 1 bad arguments or input, 2 the round trip differs.

const string Usage = """
    Usage: Clerk.Models.Sample [path | -]

      (no argument)  read the embedded default-user.json
      path           read a Clerk user from a JSON file
      -              read a Clerk user from standard input

    The JSON is a user object, a list of them (as GET /users returns), or a webhook
    event whose data is a user (user.created, user.updated). Prints a summary of each
    user, writes it back to JSON and checks that the result is exactly the input.
    Exit codes: 0 exact, 1 bad arguments or input, 2 different.
    """;

if (args is ["--help" or "-h"])
{
    Console.WriteLine(Usage);
    return 0;
}

if (args.Length > 1 || args is [['-', _, ..]])
{
    return Fail("unexpected arguments: " + string.Join(' ', args) + " (see --help)");
}

var argument = args.Length == 1 ? args[0] : null;
var source = argument switch
{
    null => "default-user.json",
    "-" => "stdin",
    _ => argument,
};

string json;
try
{
    json = ReadInput(argument);
}
catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
{
    return Fail("file not found: " + argument);
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
{
    return Fail($"cannot read {source}: {ex.Message}");
}
catch (DecoderFallbackException)
{
    return Fail(source + " is not valid UTF-8");
}

// The users to read, each with the exact JSON text it came as: one, a list, or a webhook event's data.
List<(string Where, string Json)> users;
try
{
    users = UsersIn(json);
}
catch (JsonException ex)
{
    return Fail($"{source}: not JSON: {ex.Message}");
}

var exact = true;
foreach (var (where, userJson) in users)
{
    User user;
    try
    {
        user = JsonSerializer.Deserialize<User>(userJson) ?? throw new JsonException("Expected an object but found Null. Path: $.");
    }
    catch (JsonException ex)
    {
        return Fail($"{source}{where}: {ex.Message}");
    }

    // The spec requires no member of a user, so any object reads as one: Clerk's 'object' says what it is.
    if (NotAUser(user) is { } what)
    {
        return Fail($"{source}{where}: {what}");
    }

    if (where.Length > 0)
    {
        Console.WriteLine(where.TrimStart() + ":");
    }

    UserSummary.Write(user, Console.Out);
    var difference = ExactJson.FindDifference(userJson, JsonSerializer.Serialize(user));
    Console.WriteLine(difference is null ? "round trip: exact" : "round trip: DIFFERENT at " + difference);
    exact &= difference is null;
}

return exact ? 0 : 2;

static List<(string Where, string Json)> UsersIn(string json)
{
    using var document = JsonDocument.Parse(json);
    var root = document.RootElement;
    if (root.ValueKind == JsonValueKind.Array)
    {
        return root.EnumerateArray().Select((item, i) => ($" [{i}]", item.GetRawText())).ToList();
    }

    // A webhook event: {"data": {...}, "object": "event", "type": "user.created", ...}.
    if (root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty("object", out var kind) && kind.ValueKind == JsonValueKind.String && kind.GetString() == "event"
        && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
    {
        var type = root.TryGetProperty("type", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : "event";
        return new List<(string, string)> { ($" ({type} event, its data)", data.GetRawText()) };
    }

    return new List<(string, string)> { (string.Empty, json) };
}

static string ReadInput(string? argument)
{
    using var stream = argument switch
    {
        null => Assembly.GetExecutingAssembly().GetManifestResourceStream("default-user.json")
            ?? throw new InvalidOperationException("The default-user.json resource is missing from the build."),
        "-" => Console.OpenStandardInput(),
        _ => File.OpenRead(argument),
    };

    // Strict, so that bytes which are not UTF-8 are refused instead of silently becoming U+FFFD.
    using var reader = new StreamReader(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
    return reader.ReadToEnd();
}

// Why the object read is not a user, or null when it is one.
static string? NotAUser(User user)
{
    if (user.Object is not { } kind)
    {
        return "not a Clerk user: it has no 'object' member (a user has \"object\": \"user\")";
    }

    if (kind != UserObject.User)
    {
        return $"not a Clerk user: its 'object' is \"{kind.Value}\"";
    }

    // What Clerk sends for a deleted user: {"deleted": true, "id": ..., "object": "user"}.
    return user.AdditionalProperties.TryGetValue("deleted", out var deleted) && deleted.ToString() == "true"
        ? $"a deleted user ({user.Id}): Clerk sends only its id"
        : null;
}

static int Fail(string message)
{
    Console.Error.WriteLine("error: " + message);
    return 1;
}
