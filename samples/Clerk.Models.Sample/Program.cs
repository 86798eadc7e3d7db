using System;
using System.IO;
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
      path           read a Clerk user object from a JSON file
      -              read a Clerk user object from standard input

    Prints a summary of the user, writes it back to JSON and checks that the result
    is exactly the input. Exit codes: 0 exact, 1 bad arguments or input, 2 different.
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

User user;
try
{
    user = JsonSerializer.Deserialize<User>(json) ?? throw new JsonException("Expected an object but found Null. Path: $.");
}
catch (JsonException ex)
{
    // Clerk's list endpoints return arrays, so hint at the likely mistake.
    var hint = json.AsSpan().TrimStart().StartsWith("[") ? " (this is an array; pass a single user object)" : "";
    return Fail($"{source}: {ex.Message}{hint}");
}

UserSummary.Write(user, Console.Out);

var difference = ExactJson.FindDifference(json, JsonSerializer.Serialize(user));
Console.WriteLine(difference is null ? "round trip: exact" : "round trip: DIFFERENT at " + difference);
return difference is null ? 0 : 2;

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

static int Fail(string message)
{
    Console.Error.WriteLine("error: " + message);
    return 1;
}
