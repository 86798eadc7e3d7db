using System;
using System.IO;
using System.Text;

namespace Clerk.Models.Benchmarks;

/// <summary>The payloads and specs embedded in this assembly (see the project file).</summary>
internal static class Resources
{
    public static byte[] Bytes(string name)
    {
        using var stream = typeof(Resources).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' not found.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static byte[] Payload(string fileName) => Bytes("Payloads/" + fileName);

    public static string Input(string fileName) => Encoding.UTF8.GetString(Bytes("Inputs/" + fileName));
}
