using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;

namespace Clerk.Models.Runtime.Serialization;

/// <summary>
/// Collects entries for a <see cref="ValueMap{TValue}"/> in a buffer rented from
/// <see cref="ArrayPool{T}.Shared"/>. For a repeated key the last value wins and the key keeps
/// the position of its first occurrence.
/// </summary>
/// <remarks>
/// A mutable struct: keep it in a local (a <see langword="using"/> local is fine) and never copy
/// it. Nothing is rented until the first <see cref="Add"/>. Call <see cref="ToValueMap"/> or
/// <see cref="ToValueMapOrNull"/> once; <see cref="Dispose"/> returns the buffer on exception
/// paths and is a no-op afterwards.
/// </remarks>
/// <typeparam name="TValue">The value type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct ValueMapBuilder<TValue> : IDisposable
{
    private const int InitialCapacity = 8;

    private KeyValuePair<string, TValue>[]? _buffer;
    private Dictionary<string, int>? _index;
    private int _count;

    /// <summary>Gets the number of distinct keys added so far.</summary>
    public readonly int Count => _count;

    /// <summary>Adds an entry, replacing the value of an earlier entry with the same key.</summary>
    /// <param name="key">The key, compared ordinally.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public void Add(string key, TValue value)
    {
        Guard.NotNull(key, nameof(key));
        int existing = IndexOf(key);
        if (existing >= 0)
        {
            _buffer![existing] = new KeyValuePair<string, TValue>(_buffer[existing].Key, value);
            return;
        }

        if (_buffer is null || _count == _buffer.Length)
        {
            Grow();
        }

        _buffer![_count] = new KeyValuePair<string, TValue>(key, value);
        if (_index is not null)
        {
            _index.Add(key, _count);
        }
        else if (_count + 1 > ValueMap<TValue>.LinearScanLimit)
        {
            BuildIndex(_count + 1);
        }

        _count++;
    }

    /// <summary>
    /// Creates the map and returns the rented buffer to the pool; returns null when nothing was
    /// added, so that records can store "no entries" without allocating. The builder is empty afterwards.
    /// </summary>
    /// <returns>The map, or null when empty.</returns>
    public ValueMap<TValue>? ToValueMapOrNull() => _count == 0 ? DisposeAndReturnNull() : ToValueMap();

    /// <summary>Creates the map and returns the rented buffer to the pool. The builder is empty afterwards.</summary>
    /// <returns>The map, or <see cref="ValueMap{TValue}.Empty"/> when nothing was added.</returns>
    public ValueMap<TValue> ToValueMap()
    {
        Drain(out KeyValuePair<string, TValue>[] entries, out Dictionary<string, int>? index);
        return ValueMap<TValue>.FromOwned(entries, index);
    }

    /// <summary>Returns the rented buffer to the pool and empties the builder.</summary>
    public void Dispose()
    {
        KeyValuePair<string, TValue>[]? buffer = _buffer;
        int count = _count;
        _buffer = null;
        _index = null;
        _count = 0;
        if (buffer is not null)
        {
            PoolHelper.Return(buffer, count);
        }
    }

    /// <summary>Hands over exactly sized entries and the lookup index (when one was needed), then disposes.</summary>
    internal void Drain(out KeyValuePair<string, TValue>[] entries, out Dictionary<string, int>? index)
    {
        entries = _count == 0
            ? Array.Empty<KeyValuePair<string, TValue>>()
            : _buffer.AsSpan(0, _count).ToArray();
        index = _index;
        Dispose();
    }

    private ValueMap<TValue>? DisposeAndReturnNull()
    {
        Dispose();
        return null;
    }

    private readonly int IndexOf(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out int i) ? i : -1;
        }

        KeyValuePair<string, TValue>[]? buffer = _buffer;
        for (int i = 0; i < _count; i++)
        {
            if (string.Equals(buffer![i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private void BuildIndex(int count)
    {
        var index = new Dictionary<string, int>(count * 2, StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            index.Add(_buffer![i].Key, i);
        }

        _index = index;
    }

    private void Grow()
    {
        KeyValuePair<string, TValue>[]? old = _buffer;
        int newCapacity = old is null ? InitialCapacity : checked(old.Length * 2);
        KeyValuePair<string, TValue>[] larger = ArrayPool<KeyValuePair<string, TValue>>.Shared.Rent(newCapacity);
        if (old is not null)
        {
            Array.Copy(old, larger, _count);
            PoolHelper.Return(old, _count);
        }

        _buffer = larger;
    }
}
