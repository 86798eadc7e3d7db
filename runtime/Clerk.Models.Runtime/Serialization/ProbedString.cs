using System;
using System.ComponentModel;
using System.Text;

namespace Clerk.Models.Runtime.Serialization;

/// <summary>
/// A string member's value found by <see cref="JsonProbe.FindUtf8String"/>, as its unescaped UTF-8
/// bytes: a union converter compares it with the values that tell its alternatives apart without
/// creating a string. Not meant to be used by other code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly ref struct ProbedString
{
    private readonly ReadOnlySpan<byte> _utf8;

    internal ProbedString(ReadOnlySpan<byte> utf8)
    {
        _utf8 = utf8;
        HasValue = true;
    }

    /// <summary>Gets a value indicating whether the member is there with a string value.</summary>
    public bool HasValue { get; }

    /// <summary>Determines whether the value is exactly <paramref name="utf8"/>.</summary>
    /// <param name="utf8">The UTF-8 bytes to compare with.</param>
    /// <returns><see langword="true"/> when there is a value and it is equal, ordinally.</returns>
    public bool Is(ReadOnlySpan<byte> utf8) => HasValue && _utf8.SequenceEqual(utf8);

    /// <summary>Gets the value as a string, for a pattern to match; invalid UTF-8 becomes U+FFFD.</summary>
    /// <returns>The string, or null when there is no value.</returns>
    public string? Text() => HasValue ? Encoding.UTF8.GetString(_utf8.ToArray()) : null;
}
