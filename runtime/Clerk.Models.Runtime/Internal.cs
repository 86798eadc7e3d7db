using System;
using System.Buffers;
using System.Runtime.CompilerServices;

namespace Clerk.Models.Runtime
{
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

    /// <summary>Hash mixing that works the same way on every target framework.</summary>
    internal struct HashAccumulator
    {
#if NET
        private HashCode _hash;

        public void Add(int value) => _hash.Add(value);

        public void AddBytes(ReadOnlySpan<byte> bytes) => _hash.AddBytes(bytes);

        public readonly int ToHashCode() => _hash.ToHashCode();
#else
        // netstandard2.0 has no System.HashCode: an xxHash32-style round per value keeps
        // order sensitivity and spreads bits well enough for hash tables.
        private const uint Prime1 = 2654435761U;
        private const uint Prime2 = 2246822519U;
        private const uint Prime3 = 3266489917U;
        private const uint Prime4 = 668265263U;
        private const uint Seed = 374761393U;

        private uint _hash;
        private uint _length;

        public void Add(int value)
        {
            uint h = _length == 0 ? Seed : _hash;
            h += unchecked((uint)value * Prime3);
            h = RotateLeft(h, 17) * Prime4;
            _hash = h;
            _length++;
        }

        public void AddBytes(ReadOnlySpan<byte> bytes)
        {
            // FNV-1a over the bytes, folded in as a single value.
            uint fnv = 2166136261U;
            for (int i = 0; i < bytes.Length; i++)
            {
                fnv = unchecked((fnv ^ bytes[i]) * 16777619U);
            }

            Add(unchecked((int)fnv));
            Add(bytes.Length);
        }

        public readonly int ToHashCode()
        {
            uint h = (_length == 0 ? Seed : _hash) + _length;
            h ^= h >> 15;
            h *= Prime2;
            h ^= h >> 13;
            h *= Prime1;
            h ^= h >> 16;
            return unchecked((int)h);
        }

        private static uint RotateLeft(uint value, int offset) => (value << offset) | (value >> (32 - offset));
#endif

        public static int Combine(int first, int second)
        {
            HashAccumulator hash = default;
            hash.Add(first);
            hash.Add(second);
            return hash.ToHashCode();
        }
    }

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
}
