using System;
using System.Runtime.CompilerServices;

namespace Clerk.Models.Runtime;

/// <summary>Argument checks that keep the throw out of the inlined fast path.</summary>
internal static class Guard
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void NotNull(object? value, string parameterName)
    {
        if (value is null)
        {
            ThrowArgumentNull(parameterName);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowArgumentNull(string parameterName) => throw new ArgumentNullException(parameterName);
}
