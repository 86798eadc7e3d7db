// The package test's consumer program, copied into a fresh console project by run.sh (and, with the
// full spec's resolver name, into the app that references the models library).
// It reads and writes a Clerk user in both trim- and AOT-safe ways: through the generated converter
// directly and through the generated resolver's JsonTypeInfo. JsonSerializer's overloads without a
// JsonTypeInfo use reflection, which trimmed and native AOT apps warn about (IL2026, IL3050) and turn
// off at run time; JsonSerializerOptions.Default warns too (IL2026).
using System;
using System.Buffers;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using Clerk.Models;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: PackageConsumer <user.json>");
    return 1;
}

byte[] json = File.ReadAllBytes(args[0]);

// The converters do not use the options they are given.
var options = new JsonSerializerOptions();
var reader = new Utf8JsonReader(json);
reader.Read();
User user = User.JsonConverter.ReadValue(ref reader, options);

Console.WriteLine($"first name: {user.FirstName}");
// run.sh replaces this line once the spec has a nickname.

var written = new ArrayBufferWriter<byte>();
using (var writer = new Utf8JsonWriter(written))
{
    User.JsonConverter.WriteValue(writer, user, options);
}

bool converterExact = JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written.WrittenSpan));
Console.WriteLine(converterExact ? "converter round trip: exact" : "converter round trip: DIFFERENT");

User viaResolver = JsonSerializer.Deserialize(json, ClerkUserJson.Default.User)!;
byte[] back = JsonSerializer.SerializeToUtf8Bytes(viaResolver, ClerkUserJson.Default.User);
bool resolverExact = viaResolver == user && JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(back));
Console.WriteLine(resolverExact ? "resolver round trip: exact" : "resolver round trip: DIFFERENT");

return converterExact && resolverExact ? 0 : 2;
