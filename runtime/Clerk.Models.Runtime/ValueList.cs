using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Clerk.Models.Runtime.Serialization;

namespace Clerk.Models.Runtime;

/// <summary>
/// An immutable list with value equality: two lists are equal when they have the same
/// elements in the same order, compared with <see cref="EqualityComparer{T}.Default"/>.
/// </summary>
/// <remarks>
/// Generated records use this instead of arrays or <see cref="List{T}"/> so that the
/// compiler-synthesized record equality compares list contents rather than references.
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
[CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;

    /// <summary>Initializes a new list holding a copy of <paramref name="items"/>.</summary>
    /// <param name="items">The elements, in order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    public ValueList(IEnumerable<T> items)
    {
        Guard.NotNull(items, nameof(items));
        _items = CopyToArray(items);
    }

    // Adopts the array without copying; only reachable through FromOwnedArray and Empty.
    private ValueList(T[] ownedItems) => _items = ownedItems;

    /// <summary>Gets the shared empty list.</summary>
    public static ValueList<T> Empty { get; } = new ValueList<T>(Array.Empty<T>());

    /// <summary>Gets the number of elements.</summary>
    public int Count => _items.Length;

    /// <summary>Gets the element at <paramref name="index"/>.</summary>
    /// <param name="index">The zero-based index.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the list.</exception>
    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_items.Length)
            {
                ThrowIndexOutOfRange(index);
            }

            return _items[index];
        }
    }

    /// <summary>Creates a list holding a copy of <paramref name="items"/>; a null array gives null.</summary>
    /// <param name="items">The elements, in order.</param>
    [return: NotNullIfNotNull(nameof(items))]
    public static implicit operator ValueList<T>?(T[]? items) => items is null ? null : ValueList.Create<T>(items.AsSpan());

    /// <summary>Compares two lists element by element.</summary>
    /// <param name="left">The first list.</param>
    /// <param name="right">The second list.</param>
    /// <returns><see langword="true"/> when both are null or both hold equal elements in the same order.</returns>
    public static bool operator ==(ValueList<T>? left, ValueList<T>? right) =>
        left is null ? right is null : left.Equals(right);

    /// <summary>Compares two lists element by element.</summary>
    /// <param name="left">The first list.</param>
    /// <param name="right">The second list.</param>
    /// <returns><see langword="true"/> when the lists differ.</returns>
    public static bool operator !=(ValueList<T>? left, ValueList<T>? right) => !(left == right);

    /// <summary>Gets the elements as a read-only span.</summary>
    /// <returns>A span over the list's storage.</returns>
    public ReadOnlySpan<T> AsSpan() => _items;

    /// <summary>Returns an enumerator that does not allocate.</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new Enumerator(_items);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(_items);

    IEnumerator IEnumerable.GetEnumerator() => new Enumerator(_items);

    /// <summary>Determines whether <paramref name="other"/> holds equal elements in the same order.</summary>
    /// <param name="other">The list to compare with.</param>
    /// <returns><see langword="true"/> when the lists are equal.</returns>
    public bool Equals(ValueList<T>? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other._items.Length != _items.Length)
        {
            return false;
        }

        T[] mine = _items;
        T[] theirs = other._items;
        EqualityComparer<T> comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < mine.Length; i++)
        {
            if (!comparer.Equals(mine[i], theirs[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Determines whether <paramref name="obj"/> is a list with equal elements in the same order.</summary>
    /// <param name="obj">The object to compare with.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    /// <summary>Returns a hash code combining the element hash codes in order.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        // Not cached: elements are not guaranteed to be immutable.
        HashAccumulator hash = default;
        EqualityComparer<T> comparer = EqualityComparer<T>.Default;
        foreach (T item in _items)
        {
            hash.Add(item is null ? 0 : comparer.GetHashCode(item));
        }

        hash.Add(_items.Length);
        return hash.ToHashCode();
    }

    /// <summary>Returns a short description such as <c>[3 items]</c>.</summary>
    /// <returns>The description.</returns>
    /// <remarks>Elements are not listed so that printing a record stays short and never recurses deeply.</remarks>
    public override string ToString() => _items.Length == 1 ? "[1 item]" : "[" + _items.Length + " items]";

    /// <summary>Wraps an array the caller gives up; no copy is made.</summary>
    internal static ValueList<T> FromOwnedArray(T[] items) =>
        items.Length == 0 ? Empty : new ValueList<T>(items);

    private static T[] CopyToArray(IEnumerable<T> items)
    {
        switch (items)
        {
            case ValueList<T> list:
                // Already immutable, so the storage can be shared.
                return list._items;
            case ICollection<T> collection:
                if (collection.Count == 0)
                {
                    return Array.Empty<T>();
                }

                var array = new T[collection.Count];
                collection.CopyTo(array, 0);
                return array;
            default:
                var builder = new ValueListBuilder<T>();
                try
                {
                    foreach (T item in items)
                    {
                        builder.Add(item);
                    }

                    return builder.ToValueList()._items;
                }
                finally
                {
                    builder.Dispose();
                }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowIndexOutOfRange(int index) =>
        throw new ArgumentOutOfRangeException(nameof(index), index, "Index was outside the list.");

    /// <summary>Enumerates a <see cref="ValueList{T}"/> without allocating.</summary>
    public struct Enumerator : IEnumerator<T>
    {
        private readonly T[] _items;
        private int _index;

        internal Enumerator(T[] items)
        {
            _items = items;
            _index = -1;
        }

        /// <summary>Gets the element at the current position.</summary>
        public readonly T Current => _items[_index];

        readonly object? IEnumerator.Current => Current;

        /// <summary>Advances to the next element.</summary>
        /// <returns><see langword="false"/> when the end has been passed.</returns>
        public bool MoveNext()
        {
            int next = _index + 1;
            if (next < _items.Length)
            {
                _index = next;
                return true;
            }

            _index = _items.Length;
            return false;
        }

        void IEnumerator.Reset() => _index = -1;

        /// <summary>Does nothing; present for the enumerator pattern.</summary>
        public readonly void Dispose()
        {
        }
    }
}

/// <summary>Factory methods for <see cref="ValueList{T}"/>; also the collection-expression builder.</summary>
public static class ValueList
{
    /// <summary>Creates a list holding a copy of <paramref name="items"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="items">The elements, in order.</param>
    /// <returns>The new list, or <see cref="ValueList{T}.Empty"/> when <paramref name="items"/> is empty.</returns>
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) =>
        items.IsEmpty ? ValueList<T>.Empty : ValueList<T>.FromOwnedArray(items.ToArray());

    /// <summary>Creates a list holding a copy of <paramref name="items"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="items">The elements, in order.</param>
    /// <returns>The new list, or <see cref="ValueList{T}.Empty"/> when <paramref name="items"/> is empty.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    public static ValueList<T> Create<T>(params T[] items)
    {
        Guard.NotNull(items, nameof(items));
        return Create((ReadOnlySpan<T>)items);
    }
}
