using System;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Clerk.Models.Benchmarks;

/// <summary>
/// Writes Payloads/ from the team's payloads in tests/Payloads: compact copies of the typical and
/// minimal users, and a page of 100 users made from the 12 of users-page.json. Deterministic: run it
/// again and the files do not change.
/// </summary>
internal static class PayloadMaker
{
    private const int PageSize = 100;
    private const string IdAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    // Made-up people; a mix of scripts, diacritics and an apostrophe, so escaping is exercised.
    private static readonly (string First, string Last, string Handle)[] Names =
    {
        ("Zoë", "Ødegaard", "zoe.odegaard"),
        ("José", "Muñoz", "jose.munoz"),
        ("Łucja", "Wiśniewska", "lucja.wisniewska"),
        ("Søren", "Højgaard", "soren.hojgaard"),
        ("Chloé", "Lefèvre", "chloe.lefevre"),
        ("Thảo", "Nguyễn", "thao.nguyen"),
        ("Özlem", "Yılmaz", "ozlem.yilmaz"),
        ("Ngozi", "Okafor", "ngozi.okafor"),
        ("美咲", "佐藤", "misaki.sato"),
        ("Анна", "Смирнова", "anna.smirnova"),
        ("Siobhán", "Ní Bhriain", "siobhan.nibhriain"),
        ("Ana María", "Pérez", "anamaria.perez"),
        ("Björn", "Åberg", "bjorn.aberg"),
        ("Jiří", "Dvořák", "jiri.dvorak"),
        ("Priya", "Raman", "priya.raman"),
        ("Liam", "O'Connor", "liam.oconnor"),
        ("Kai", "Müller", "kai.mueller"),
        ("Leilani", "Kahananui", "leilani.kahananui"),
        ("عمر", "الفاسي", "omar.elfassi"),
        ("Dana", "Levi", "dana.levi"),
    };

    private static readonly Regex ClerkId = new("^[a-z]+_[0-9A-Za-z]{27}$", RegexOptions.CultureInvariant);

    private static readonly string[] FreeForm = { "public_metadata", "private_metadata", "unsafe_metadata", "meta" };

    public static int Run()
    {
        var root = RepoRoot();
        var source = Path.Combine(root, "tests", "Payloads");
        var target = Path.Combine(root, "benchmarks", "Clerk.Models.Benchmarks", "Payloads");

        foreach (var name in new[] { "user-typical.json", "user-minimal.json" })
        {
            Write(Path.Combine(target, name), JsonNode.Parse(File.ReadAllBytes(Path.Combine(source, name)))!);
        }

        var users = JsonNode.Parse(File.ReadAllBytes(Path.Combine(source, "users-page.json")))!.AsArray();
        var page = new JsonArray();
        for (var index = 0; index < PageSize; index++)
        {
            var user = users[index % users.Count]!.DeepClone();
            var round = index / users.Count;
            if (round > 0)
            {
                Vary(user.AsObject(), index, round);
            }

            page.Add(user);
        }

        Write(Path.Combine(target, "users-page-100.json"), page);
        return 0;
    }

    /// <summary>
    /// The first round keeps the team's users as they are; later rounds get other ids (the same
    /// mapping throughout a user, so references such as primary_email_address_id still match),
    /// names, handles, e-mail addresses and timestamps.
    /// </summary>
    private static void Vary(JsonObject user, int index, int round)
    {
        var name = Names[index * 7 % Names.Length];
        Visit(user);

        void Visit(JsonNode? node)
        {
            if (node is JsonArray array)
            {
                foreach (var item in array)
                {
                    Visit(item);
                }
            }
            else if (node is JsonObject obj)
            {
                foreach (var (member, value) in obj.ToList())
                {
                    if (FreeForm.Contains(member) || value is null)
                    {
                        continue;
                    }

                    if (value.GetValueKind() == JsonValueKind.String)
                    {
                        obj[member] = VaryString(member, value.GetValue<string>());
                    }
                    else if (value.GetValueKind() == JsonValueKind.Number && member.EndsWith("_at", StringComparison.Ordinal))
                    {
                        obj[member] = value.GetValue<long>() + (round * 5L * 86_400_000L);
                    }
                    else
                    {
                        Visit(value);
                    }
                }
            }
        }

        string VaryString(string member, string value) => member switch
        {
            "first_name" => name.First,
            "last_name" => name.Last,
            "username" => name.Handle + index,
            "email_address" when value.IndexOf('@') is var at and > 0 => value[..at] + "+" + index + value[at..],
            _ when ClerkId.IsMatch(value) => VaryId(value, round),
            _ => value,
        };
    }

    private static string VaryId(string id, int round)
    {
        var separator = id.IndexOf('_') + 1;
        var chars = id.ToCharArray();
        for (var i = separator; i < chars.Length; i++)
        {
            chars[i] = IdAlphabet[(IdAlphabet.IndexOf(chars[i]) + (round * 11) + (i * 5)) % IdAlphabet.Length];
        }

        return new string(chars);
    }

    /// <summary>Compact, as a server sends it; raw UTF-8 rather than \u escapes, as the team's payloads are written.</summary>
    private static void Write(string path, JsonNode node)
    {
        using (var file = File.Create(path))
        using (var writer = new Utf8JsonWriter(file, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            node.WriteTo(writer);
        }

        File.AppendAllText(path, "\n");
        Console.WriteLine($"{path}: {new FileInfo(path).Length} bytes");
    }

    private static string RepoRoot()
    {
        for (var directory = Directory.GetCurrentDirectory(); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "Clerk.Models.sln")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException("Run make-payloads from inside the repository.");
    }
}
