using Xunit.Sdk;

namespace Clerk.Models.Testing;

/// <summary>xunit's side of <see cref="ExactJson"/>, for the test projects (the sample has no xunit).</summary>
internal static class JsonAssert
{
    /// <summary>Fails with the first difference and the whole actual JSON unless the two are exactly equal.</summary>
    public static void Equal(string expected, string actual)
    {
        if (ExactJson.FindDifference(expected, actual) is { } difference)
        {
            throw new XunitException("JSON differs at " + difference + "\nActual JSON:\n" + actual);
        }
    }
}
