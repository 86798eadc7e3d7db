using System;
using System.IO;

namespace Clerk.Webhooks.Sample.Tests;

/// <summary>Clerk's payloads of tests/Payloads/clerk, copied beside the test assembly.</summary>
public static class Payloads
{
    /// <summary>The file's bytes as they are, which is what a test signs and sends.</summary>
    public static byte[] Read(string fileName) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Payloads", fileName));
}
