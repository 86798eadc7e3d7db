using System;
using System.IO;

namespace Clerk.Models.Tests;

/// <summary>The team's Clerk payloads in tests/Payloads, copied beside the test assembly.</summary>
public static class Payloads
{
    public static string Read(string fileName) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Payloads", fileName));
}
