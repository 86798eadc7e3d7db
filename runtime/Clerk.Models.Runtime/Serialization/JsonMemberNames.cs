using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Clerk.Models.Runtime.Serialization;

/// <summary>
/// The JSON names of one generated record's members, in declaration order: matched on their UTF-8
/// bytes when reading (<see cref="Find(ReadOnlySpan{byte})"/>), pre-encoded for writing
/// (<see cref="this[int]"/>). One table per record replaces a name field, an encoded-name field and a
/// switch case per member. Not meant to be used by other code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonMemberNames
{
    private readonly string[] _names;
    private readonly Dictionary<string, int> _byName;
    private readonly byte[][] _utf8;
    private readonly JsonEncodedText[] _encoded;

    // Open addressing over (length, first 7 bytes): one probe finds almost every name.
    private readonly int[] _slots;
    private readonly ulong[] _keys;
    private readonly int _mask;

    // Which member followed each one (the last slot: which came first) in the object read most
    // recently. A server writes an object's members in one order, so from the second object on the
    // guess is right and one comparison finds the name. Shared by every reader of the record:
    // racing writes leave some valid guess, and a wrong guess costs one comparison.
    private readonly int[] _follows;

    /// <summary>Creates the table.</summary>
    /// <param name="names">The members' JSON names, in declaration order; distinct.</param>
    /// <exception cref="ArgumentException">A name is null or repeated.</exception>
    public JsonMemberNames(params string[] names)
    {
        Guard.NotNull(names, nameof(names));
        _names = (string[])names.Clone();
        _byName = new Dictionary<string, int>(_names.Length, StringComparer.Ordinal);
        _utf8 = new byte[_names.Length][];
        _encoded = new JsonEncodedText[_names.Length];
        _keys = new ulong[_names.Length];
        var capacity = 4;
        while (capacity < _names.Length * 2)
        {
            capacity *= 2;
        }

        _follows = new int[_names.Length + 1];
        for (var i = 0; i < _names.Length; i++)
        {
            _follows[i] = i + 1;
        }

        _slots = new int[capacity];
        _slots.AsSpan().Fill(-1);
        _mask = capacity - 1;
        for (var i = 0; i < _names.Length; i++)
        {
            var name = _names[i] ?? throw new ArgumentException("A member name is null.", nameof(names));
            _utf8[i] = Encoding.UTF8.GetBytes(name);
            _encoded[i] = JsonEncodedText.Encode(name);
            _keys[i] = KeyOf(_utf8[i]);
            if (_byName.ContainsKey(name))
            {
                throw new ArgumentException("The member name '" + name + "' is listed twice.", nameof(names));
            }

            _byName.Add(name, i);

            var slot = SlotOf(_keys[i]);
            while (_slots[slot] >= 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = i;
        }
    }

    /// <summary>Gets the number of members.</summary>
    public int Count => _names.Length;

    /// <summary>Gets a member's name, encoded for <see cref="Utf8JsonWriter.WritePropertyName(JsonEncodedText)"/>.</summary>
    /// <param name="index">The member's position in declaration order.</param>
    public JsonEncodedText this[int index] => _encoded[index];

    /// <summary>Gets a member's JSON name.</summary>
    /// <param name="index">The member's position in declaration order.</param>
    /// <returns>The name, as the spec spells it.</returns>
    public string Name(int index) => _names[index];

    /// <summary>Determines whether the record declares a member of this name; ordinal, case-sensitive.</summary>
    /// <param name="name">The JSON name.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>Finds a member by its name; ordinal, case-sensitive.</summary>
    /// <param name="name">The JSON name.</param>
    /// <returns>The member's position, or -1 for a name the record does not declare.</returns>
    public int IndexOf(string name) => _byName.TryGetValue(name, out var index) ? index : -1;

    /// <summary>Finds a member by its unescaped UTF-8 name; ordinal, case-sensitive.</summary>
    /// <param name="utf8Name">The name's bytes.</param>
    /// <returns>The member's position, or -1 for a name the record does not declare.</returns>
    public int Find(ReadOnlySpan<byte> utf8Name)
    {
        var key = KeyOf(utf8Name);
        for (var slot = SlotOf(key); ; slot = (slot + 1) & _mask)
        {
            var index = _slots[slot];
            if (index < 0)
            {
                return -1;
            }

            if (_keys[index] == key && (utf8Name.Length <= 7 || utf8Name.SequenceEqual(_utf8[index])))
            {
                return index;
            }
        }
    }

    /// <summary>Finds the member whose name the reader is on (a <see cref="JsonTokenType.PropertyName"/>).</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The member's position, or -1 for a name the record does not declare.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ref Utf8JsonReader reader)
        => reader.HasValueSequence || reader.ValueIsEscaped ? FindUnescaped(ref reader) : Find(reader.ValueSpan);

    /// <summary>
    /// Finds the member whose name the reader is on, trying first the member that followed
    /// <paramref name="previous"/> in the last object read.
    /// </summary>
    /// <param name="reader">The reader, on a <see cref="JsonTokenType.PropertyName"/>.</param>
    /// <param name="previous">The member read before this one in the same object, or -1 for the first.</param>
    /// <returns>The member's position, or -1 for a name the record does not declare.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ref Utf8JsonReader reader, int previous)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped)
        {
            return FindUnescaped(ref reader);
        }

        var name = reader.ValueSpan;
        var after = (uint)previous < (uint)_names.Length ? previous : _names.Length;
        var guess = _follows[after];
        if ((uint)guess < (uint)_utf8.Length && name.SequenceEqual(_utf8[guess]))
        {
            return guess;
        }

        return FindAndRemember(name, after);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int FindAndRemember(ReadOnlySpan<byte> name, int after)
    {
        var found = Find(name);
        if (found >= 0)
        {
            _follows[after] = found;
        }

        return found;
    }

    private int FindUnescaped(ref Utf8JsonReader reader)
    {
        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            var written = reader.CopyString(rented);
            return Find(rented.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// The length and the first 7 bytes, which decide equality by themselves for names up to 7 bytes
    /// long; longer names are compared in full when their key matches.
    /// </summary>
    private static ulong KeyOf(ReadOnlySpan<byte> name)
    {
        ulong key = (ulong)Math.Min(name.Length, 255) << 56;
        var count = Math.Min(name.Length, 7);
        for (var i = 0; i < count; i++)
        {
            key |= (ulong)name[i] << (i * 8);
        }

        return key;
    }

    private int SlotOf(ulong key)
    {
        var hash = key * 0x9E3779B97F4A7C15UL;
        return (int)(hash >> 40) & _mask;
    }
}
