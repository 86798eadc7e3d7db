using System;
using System.Collections.Generic;
using System.Linq;
using Clerk.Models.Runtime.Serialization;
using Xunit;

namespace Clerk.Models.Runtime.Tests;

public class ValueListTests
{
    private sealed record Holder(ValueList<string> Tags);

    [Fact]
    public void Lists_with_the_same_elements_are_equal_and_hash_alike()
    {
        var a = new ValueList<string>(new List<string> { "x", "y", "z" });
        ValueList<string> b = new[] { "x", "y", "z" };

        Assert.True(a.Equals(b));
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Order_length_and_content_matter()
    {
        ValueList<int> list = new[] { 1, 2, 3 };

        Assert.False(list.Equals((ValueList<int>)new[] { 3, 2, 1 }));
        Assert.False(list.Equals((ValueList<int>)new[] { 1, 2 }));
        Assert.False(list.Equals((ValueList<int>)new[] { 1, 2, 3, 4 }));
        Assert.False(list == (ValueList<int>)new[] { 1, 2, 4 });
        Assert.NotEqual(list.GetHashCode(), ((ValueList<int>)new[] { 3, 2, 1 }).GetHashCode());
        Assert.False(list.Equals(null));
        Assert.False(list == null);
        Assert.False(list.Equals("not a list"));
    }

    [Fact]
    public void Null_operands_compare_as_references()
    {
        ValueList<int>? left = null;
        ValueList<int>? right = null;

        Assert.True(left == right);
        Assert.False(left != right);
        Assert.True(left != ValueList<int>.Empty);
    }

    [Fact]
    public void Null_elements_are_supported()
    {
        ValueList<string?> a = new[] { "a", null, "c" };
        ValueList<string?> b = new[] { "a", null, "c" };
        ValueList<string?> c = new[] { "a", "b", "c" };

        Assert.True(a.Equals(b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.False(a.Equals(c));
    }

    [Fact]
    public void Records_holding_lists_compare_by_content()
    {
        var first = new Holder(new[] { "admin", "owner" });
        var second = new Holder(ValueList.Create("admin", "owner"));

        Assert.True(first == second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.False(first == second with { Tags = new[] { "owner", "admin" } });
    }

    [Fact]
    public void Empty_is_a_shared_singleton()
    {
        Assert.Same(ValueList<int>.Empty, ValueList<int>.Empty);
        Assert.Empty(ValueList<int>.Empty);
        Assert.Same(ValueList<int>.Empty, ValueList.Create(ReadOnlySpan<int>.Empty));
        Assert.Same(ValueList<int>.Empty, ValueList.Create<int>());
        Assert.Same(ValueList<int>.Empty, new ValueListBuilder<int>().ToValueList());
        Assert.True(ValueList<int>.Empty.Equals(new ValueList<int>(Array.Empty<int>())));
        Assert.Equal("[0 items]", ValueList<int>.Empty.ToString());
    }

    [Fact]
    public void Collection_expressions_use_the_builder()
    {
        ValueList<int> numbers = [1, 2, 3];
        ValueList<int> none = [];

        Assert.Equal(new[] { 1, 2, 3 }, numbers.AsSpan().ToArray());
        Assert.Same(ValueList<int>.Empty, none);
    }

    [Fact]
    public void Construction_copies_the_source()
    {
        int[] array = { 1, 2, 3 };
        var source = new List<int> { 1, 2, 3 };
        ValueList<int> fromArray = array;
        var fromList = new ValueList<int>(source);
        ValueList<int> fromCreate = ValueList.Create(array);

        array[0] = 99;
        source[0] = 99;

        Assert.Equal(1, fromArray[0]);
        Assert.Equal(1, fromList[0]);
        Assert.Equal(1, fromCreate[0]);
    }

    [Fact]
    public void Lazy_sequences_are_materialized_once()
    {
        int evaluations = 0;
        IEnumerable<int> Generate()
        {
            evaluations++;
            for (int i = 0; i < 40; i++)
            {
                yield return i;
            }
        }

        var list = new ValueList<int>(Generate());

        Assert.Equal(1, evaluations);
        Assert.Equal(40, list.Count);
        Assert.Equal(Enumerable.Range(0, 40), list);
    }

    [Fact]
    public void Null_array_converts_to_null_and_null_arguments_throw()
    {
        int[]? array = null;
        ValueList<int>? list = array;

        Assert.Null(list);
        Assert.Throws<ArgumentNullException>(() => new ValueList<int>(null!));
        Assert.Throws<ArgumentNullException>(() => ValueList.Create<int>((int[])null!));
    }

    [Fact]
    public void Indexer_checks_bounds()
    {
        ValueList<string> list = new[] { "a", "b" };

        Assert.Equal("b", list[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[-1]);
    }

    [Fact]
    public void Struct_and_interface_enumerators_agree()
    {
        ValueList<string> list = new[] { "a", "b", "c" };
        var viaStruct = new List<string>();
        foreach (string item in list)
        {
            viaStruct.Add(item);
        }

        IEnumerable<string> boxed = list;

        Assert.Equal(new[] { "a", "b", "c" }, viaStruct);
        Assert.Equal(new[] { "a", "b", "c" }, boxed.ToArray());
        Assert.Equal("[3 items]", list.ToString());
        Assert.Equal("[1 item]", ((ValueList<int>)new[] { 7 }).ToString());

        ValueList<string>.Enumerator enumerator = list.GetEnumerator();
        Assert.True(enumerator.MoveNext());
        Assert.True(enumerator.MoveNext());
        Assert.True(enumerator.MoveNext());
        Assert.False(enumerator.MoveNext());
        Assert.False(enumerator.MoveNext());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(5_000)]
    [InlineData(1_048_577)] // beyond the largest array size the shared pool used to keep
    public void Builder_keeps_every_element_in_order(int count)
    {
        var builder = new ValueListBuilder<string>();
        try
        {
            for (int i = 0; i < count; i++)
            {
                builder.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            Assert.Equal(count, builder.Count);
            ValueList<string> list = builder.ToValueList();

            Assert.Equal(count, list.Count);
            Assert.Equal(count, list.AsSpan().Length);
            Assert.Equal("0", list[0]);
            Assert.Equal((count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), list[count - 1]);
            for (int i = 0; i < count; i += 997)
            {
                Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), list[i]);
            }
        }
        finally
        {
            builder.Dispose();
        }
    }

    [Fact]
    public void Builder_is_empty_after_ToValueList_and_Dispose_is_then_harmless()
    {
        var builder = new ValueListBuilder<int>();
        builder.Add(1);
        builder.Add(2);
        ValueList<int> first = builder.ToValueList();
        builder.Dispose();
        builder.Dispose();

        Assert.Equal(0, builder.Count);
        Assert.Same(ValueList<int>.Empty, builder.ToValueList());

        builder.Add(3);
        ValueList<int> second = builder.ToValueList();

        Assert.Equal(new[] { 1, 2 }, first);
        Assert.Equal(new[] { 3 }, second);
    }

    [Fact]
    public void Builder_works_as_a_using_local()
    {
        using var builder = new ValueListBuilder<int>();
        for (int i = 0; i < 50; i++)
        {
            builder.Add(i);
        }

        Assert.Equal(Enumerable.Range(0, 50), builder.ToValueList());
    }

    [Fact]
    public void Dispose_without_ToValueList_discards_elements()
    {
        var builder = new ValueListBuilder<string>();
        for (int i = 0; i < 100; i++)
        {
            builder.Add("x");
        }

        builder.Dispose();

        Assert.Equal(0, builder.Count);
        Assert.Same(ValueList<string>.Empty, builder.ToValueList());
    }
}
