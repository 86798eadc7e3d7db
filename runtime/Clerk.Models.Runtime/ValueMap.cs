using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Clerk.Models.Runtime.Serialization;

namespace Clerk.Models.Runtime;

/// <summary>
/// An immutable map from ordinal string keys to values, enumerated in insertion order, with
/// order-insensitive value equality.
/// </summary>
/// <remarks>
/// Member order in a JSON object carries no meaning, so two maps are equal when they have the
/// same key set and equal values (by <see cref="EqualityComparer{T}.Default"/>) regardless of
/// order. When a key is added more than once the last value wins and the key keeps the
/// position of its first occurrence.
/// </remarks>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed class ValueMap<TValue> : IReadOnlyDictionary<string, TValue>, IEquatable<ValueMap<TValue>>
{
    /// <summary>Maps with more entries than this get a dictionary index; smaller ones are scanned.</summary>
    internal const int LinearScanLimit = 8;

    private readonly KeyValuePair<string, TValue>[] _entries;
    private readonly Dictionary<string, int>? _index;

    /// <summary>Initializes a new map from <paramref name="items"/>; for a repeated key the last value wins.</summary>
    /// <param name="items">The entries, in order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> or one of its keys is null.</exception>
    public ValueMap(IEnumerable<KeyValuePair<string, TValue>> items)
    {
        Guard.NotNull(items, nameof(items));
        if (items is ValueMap<TValue> map)
        {
            _entries = map._entries;
            _index = map._index;
            return;
        }

        var builder = new ValueMapBuilder<TValue>();
        try
        {
            foreach (KeyValuePair<string, TValue> item in items)
            {
                builder.Add(item.Key, item.Value);
            }

            builder.Drain(out _entries, out _index);
        }
        finally
        {
            builder.Dispose();
        }
    }

    private ValueMap(KeyValuePair<string, TValue>[] entries, Dictionary<string, int>? index)
    {
        _entries = entries;
        _index = index;
    }

    /// <summary>Gets the shared empty map.</summary>
    public static ValueMap<TValue> Empty { get; } = new ValueMap<TValue>(Array.Empty<KeyValuePair<string, TValue>>(), null);

    /// <summary>Gets the number of entries.</summary>
    public int Count => _entries.Length;

    /// <summary>Gets the keys in insertion order.</summary>
    public IEnumerable<string> Keys
    {
        get
        {
            foreach (KeyValuePair<string, TValue> entry in _entries)
            {
                yield return entry.Key;
            }
        }
    }

    /// <summary>Gets the values in insertion order.</summary>
    public IEnumerable<TValue> Values
    {
        get
        {
            foreach (KeyValuePair<string, TValue> entry in _entries)
            {
                yield return entry.Value;
            }
        }
    }

    /// <summary>Gets the value stored under <paramref name="key"/>.</summary>
    /// <param name="key">The key, compared ordinally.</param>
    /// <exception cref="KeyNotFoundException">The key is not present.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public TValue this[string key]
    {
        get
        {
            int i = IndexOf(key);
            if (i < 0)
            {
                throw new KeyNotFoundException("The key '" + key + "' was not present in the map.");
            }

            return _entries[i].Value;
        }
    }

    /// <summary>Compares two maps ignoring entry order.</summary>
    /// <param name="left">The first map.</param>
    /// <param name="right">The second map.</param>
    /// <returns><see langword="true"/> when both are null or both hold the same keys with equal values.</returns>
    public static bool operator ==(ValueMap<TValue>? left, ValueMap<TValue>? right) =>
        left is null ? right is null : left.Equals(right);

    /// <summary>Compares two maps ignoring entry order.</summary>
    /// <param name="left">The first map.</param>
    /// <param name="right">The second map.</param>
    /// <returns><see langword="true"/> when the maps differ.</returns>
    public static bool operator !=(ValueMap<TValue>? left, ValueMap<TValue>? right) => !(left == right);

    /// <summary>Determines whether <paramref name="key"/> is present.</summary>
    /// <param name="key">The key, compared ordinally.</param>
    /// <returns><see langword="true"/> when present.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <summary>Gets the value stored under <paramref name="key"/>, if present.</summary>
    /// <param name="key">The key, compared ordinally.</param>
    /// <param name="value">The value when found; otherwise the default value.</param>
    /// <returns><see langword="true"/> when found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
#if !NET
    // netstandard2.0's interface lacks the annotation; keeping it here still helps callers.
#pragma warning disable CS8767
#endif
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
#if !NET
#pragma warning restore CS8767
#endif
    {
        int i = IndexOf(key);
        if (i < 0)
        {
            value = default;
            return false;
        }

        value = _entries[i].Value;
        return true;
    }

    /// <summary>Returns an enumerator over the entries in insertion order that does not allocate.</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new Enumerator(_entries);

    IEnumerator<KeyValuePair<string, TValue>> IEnumerable<KeyValuePair<string, TValue>>.GetEnumerator() => new Enumerator(_entries);

    IEnumerator IEnumerable.GetEnumerator() => new Enumerator(_entries);

    /// <summary>Determines whether <paramref name="other"/> holds the same keys with equal values, in any order.</summary>
    /// <param name="other">The map to compare with.</param>
    /// <returns><see langword="true"/> when the maps are equal.</returns>
    public bool Equals(ValueMap<TValue>? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other._entries.Length != _entries.Length)
        {
            return false;
        }

        KeyValuePair<string, TValue>[] mine = _entries;
        KeyValuePair<string, TValue>[] theirs = other._entries;
        EqualityComparer<TValue> comparer = EqualityComparer<TValue>.Default;
        for (int i = 0; i < mine.Length; i++)
        {
            // Same order is the common case; fall back to a lookup otherwise. Keys are unique
            // within each map and the counts match, so one-way containment means equal key sets.
            int j = string.Equals(mine[i].Key, theirs[i].Key, StringComparison.Ordinal) ? i : other.IndexOf(mine[i].Key);
            if (j < 0 || !comparer.Equals(mine[i].Value, theirs[j].Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Determines whether <paramref name="obj"/> is a map with the same keys and equal values.</summary>
    /// <param name="obj">The object to compare with.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public override bool Equals(object? obj) => Equals(obj as ValueMap<TValue>);

    /// <summary>Returns a hash code that does not depend on entry order.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        EqualityComparer<TValue> comparer = EqualityComparer<TValue>.Default;
        int sum = 0;
        foreach (KeyValuePair<string, TValue> entry in _entries)
        {
            int valueHash = entry.Value is null ? 0 : comparer.GetHashCode(entry.Value);
            // Summing per-entry hashes makes the result independent of order.
            sum = unchecked(sum + HashAccumulator.Combine(StringComparer.Ordinal.GetHashCode(entry.Key), valueHash));
        }

        return HashAccumulator.Combine(sum, _entries.Length);
    }

    /// <summary>Returns a short description such as <c>{3 entries}</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => _entries.Length == 1 ? "{1 entry}" : "{" + _entries.Length + " entries}";

    /// <summary>Wraps storage the caller gives up; no copy is made.</summary>
    internal static ValueMap<TValue> FromOwned(KeyValuePair<string, TValue>[] entries, Dictionary<string, int>? index) =>
        entries.Length == 0 ? Empty : new ValueMap<TValue>(entries, index);

    private int IndexOf(string key)
    {
        Guard.NotNull(key, nameof(key));
        if (_index is not null)
        {
            return _index.TryGetValue(key, out int i) ? i : -1;
        }

        KeyValuePair<string, TValue>[] entries = _entries;
        for (int i = 0; i < entries.Length; i++)
        {
            if (string.Equals(entries[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Enumerates a <see cref="ValueMap{TValue}"/> in insertion order without allocating.</summary>
    public struct Enumerator : IEnumerator<KeyValuePair<string, TValue>>
    {
        private readonly KeyValuePair<string, TValue>[] _entries;
        private int _index;

        internal Enumerator(KeyValuePair<string, TValue>[] entries)
        {
            _entries = entries;
            _index = -1;
        }

        /// <summary>Gets the entry at the current position.</summary>
        public readonly KeyValuePair<string, TValue> Current => _entries[_index];

        readonly object IEnumerator.Current => Current;

        /// <summary>Advances to the next entry.</summary>
        /// <returns><see langword="false"/> when the end has been passed.</returns>
        public bool MoveNext()
        {
            int next = _index + 1;
            if (next < _entries.Length)
            {
                _index = next;
                return true;
            }

            _index = _entries.Length;
            return false;
        }

        void IEnumerator.Reset() => _index = -1;

        /// <summary>Does nothing; present for the enumerator pattern.</summary>
        public readonly void Dispose()
        {
        }
    }
}
