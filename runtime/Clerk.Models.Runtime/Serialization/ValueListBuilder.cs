using System;
using System.Buffers;
using System.ComponentModel;

namespace Clerk.Models.Runtime.Serialization;

/// <summary>
/// Collects elements for a <see cref="ValueList{T}"/> in a buffer rented from
/// <see cref="ArrayPool{T}.Shared"/>, so that reading a JSON array allocates only the final list.
/// </summary>
/// <remarks>
/// A mutable struct: keep it in a local (a <see langword="using"/> local is fine) and never copy
/// it. Nothing is rented until the first <see cref="Add"/>. Call <see cref="ToValueList"/> once;
/// <see cref="Dispose"/> returns the buffer on exception paths and is a no-op afterwards.
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct ValueListBuilder<T> : IDisposable
{
    private const int InitialCapacity = 16;

    private T[]? _buffer;
    private int _count;

    /// <summary>Gets the number of elements added so far.</summary>
    public readonly int Count => _count;

    /// <summary>Appends an element.</summary>
    /// <param name="item">The element.</param>
    public void Add(T item)
    {
        T[]? buffer = _buffer;
        int count = _count;
        if (buffer is not null && (uint)count < (uint)buffer.Length)
        {
            buffer[count] = item;
            _count = count + 1;
        }
        else
        {
            AddWithResize(item);
        }
    }

    /// <summary>
    /// Creates the list, sized exactly, and returns the rented buffer to the pool.
    /// The builder is empty afterwards.
    /// </summary>
    /// <returns>The list, or <see cref="ValueList{T}.Empty"/> when nothing was added.</returns>
    public ValueList<T> ToValueList()
    {
        T[]? buffer = _buffer;
        int count = _count;
        if (buffer is null || count == 0)
        {
            Dispose();
            return ValueList<T>.Empty;
        }

        T[] items = buffer.AsSpan(0, count).ToArray();
        Dispose();
        return ValueList<T>.FromOwnedArray(items);
    }

    /// <summary>Returns the rented buffer to the pool and empties the builder.</summary>
    public void Dispose()
    {
        T[]? buffer = _buffer;
        int count = _count;
        _buffer = null;
        _count = 0;
        if (buffer is not null)
        {
            PoolHelper.Return(buffer, count);
        }
    }

    private void AddWithResize(T item)
    {
        T[]? old = _buffer;
        int newCapacity = old is null ? InitialCapacity : checked(old.Length * 2);
        T[] larger = ArrayPool<T>.Shared.Rent(newCapacity);
        if (old is not null)
        {
            Array.Copy(old, larger, _count);
            PoolHelper.Return(old, _count);
        }

        _buffer = larger;
        larger[_count++] = item;
    }
}
