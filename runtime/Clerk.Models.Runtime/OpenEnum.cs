using System;
using System.Collections.Generic;
using System.Globalization;

namespace Clerk.Models.Runtime;

/// <summary>
/// The base of every generated enum. An enum is open: besides the values the spec lists (each a
/// shared instance, <see cref="IsKnown"/> true), it holds any other value the server sends, so that a
/// new value is kept and written back rather than refused. Two instances are equal when their
/// <see cref="Value"/>s are.
/// </summary>
/// <typeparam name="TSelf">The generated enum type.</typeparam>
/// <typeparam name="TValue">
/// The type of its values: <see cref="string"/>, <see cref="long"/> or <see cref="int"/>, or
/// <see cref="RawJson"/> for an enum whose values mix strings and numbers.
/// </typeparam>
public abstract class OpenEnum<TSelf, TValue> : IEquatable<TSelf>
    where TSelf : OpenEnum<TSelf, TValue>
    where TValue : notnull
{
    /// <summary>Creates an instance; generated enums call it for their known values and for unknown ones.</summary>
    /// <param name="value">The JSON value.</param>
    /// <param name="isKnown">Whether the spec lists the value.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    protected OpenEnum(TValue value, bool isKnown)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        Value = value;
        IsKnown = isKnown;
    }

    /// <summary>Gets the value exactly as it appears in JSON.</summary>
    public TValue Value { get; }

    /// <summary>A known value's position in its enum's table, so that it is written pre-encoded; -1 otherwise.</summary>
    internal int KnownIndex { get; set; } = -1;

    /// <summary>Gets a value indicating whether the spec lists this value. Unknown values are kept and written back unchanged.</summary>
    public bool IsKnown { get; }

    /// <summary>Compares the values.</summary>
    /// <param name="left">The first instance, or null.</param>
    /// <param name="right">The second instance, or null.</param>
    /// <returns><see langword="true"/> when both are null or their values are equal.</returns>
    public static bool operator ==(OpenEnum<TSelf, TValue>? left, OpenEnum<TSelf, TValue>? right)
        => left is null ? right is null : left.ValueEquals(right);

    /// <summary>Compares the values.</summary>
    /// <param name="left">The first instance, or null.</param>
    /// <param name="right">The second instance, or null.</param>
    /// <returns><see langword="true"/> when exactly one is null or their values differ.</returns>
    public static bool operator !=(OpenEnum<TSelf, TValue>? left, OpenEnum<TSelf, TValue>? right) => !(left == right);

    /// <summary>Determines whether <paramref name="other"/> holds the same value.</summary>
    /// <param name="other">The other instance, or null.</param>
    /// <returns><see langword="true"/> when the values are equal (ordinal for strings, by text for raw JSON).</returns>
    public bool Equals(TSelf? other) => ValueEquals(other);

    /// <summary>Determines whether <paramref name="obj"/> is an instance of the same enum with the same value.</summary>
    /// <param name="obj">The object, or null.</param>
    /// <returns><see langword="true"/> when it is.</returns>
    public override bool Equals(object? obj) => obj is TSelf other && ValueEquals(other);

    /// <summary>Returns a hash code of the value.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => EqualityComparer<TValue>.Default.GetHashCode(Value);

    /// <summary>Returns the value: a string as it is, a number in invariant culture, raw JSON as its text.</summary>
    /// <returns>The value as text.</returns>
    public override string ToString() => Value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : Value.ToString()!;

    private bool ValueEquals(OpenEnum<TSelf, TValue>? other)
        => other is not null && (ReferenceEquals(this, other) || EqualityComparer<TValue>.Default.Equals(Value, other.Value));
}
