using System;
using System.Buffers;
using System.Runtime.CompilerServices;

namespace Clerk.Models.Runtime;

/// <summary>Returns rented arrays to <see cref="ArrayPool{T}.Shared"/>.</summary>
internal static class PoolHelper
{
    /// <summary>Returns a rented array, clearing the used part first when it may hold references.</summary>
    internal static void Return<T>(T[] array, int used)
    {
#if NET
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Array.Clear(array, 0, used);
        }
#else
        Array.Clear(array, 0, used);
#endif
        ArrayPool<T>.Shared.Return(array);
    }
}

/// <summary>A growable byte buffer backed by <see cref="ArrayPool{T}"/>; call <see cref="Dispose"/> when done.</summary>
internal struct PooledByteBuffer
{
    private byte[] _buffer;
    private int _length;

    public PooledByteBuffer(int initialCapacity)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);
        _length = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(byte value)
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_length++] = value;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _buffer.Length - _length)
        {
            Grow(bytes.Length);
        }

        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    public void Write(in ReadOnlySequence<byte> bytes)
    {
        foreach (ReadOnlyMemory<byte> segment in bytes)
        {
            Write(segment.Span);
        }
    }

    public readonly byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

    public void Dispose()
    {
        byte[] buffer = _buffer;
        _buffer = Array.Empty<byte>();
        _length = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Grow(int needed)
    {
        int newSize = Math.Max(checked(_length + needed), checked(_buffer.Length * 2));
        byte[] larger = ArrayPool<byte>.Shared.Rent(newSize);
        _buffer.AsSpan(0, _length).CopyTo(larger);
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = larger;
    }
}
