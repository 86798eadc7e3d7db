using System;

namespace Clerk.Models.Runtime;

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
