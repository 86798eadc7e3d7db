using System;
using System.Collections.Generic;
using System.Linq;
using Clerk.Models.Runtime.Serialization;
using Xunit;

namespace Clerk.Models.Runtime.Tests;

public class ValueMapTests
{
    private static KeyValuePair<string, TValue> Pair<TValue>(string key, TValue value) => new(key, value);

    private static ValueMap<int> Map(params (string Key, int Value)[] entries) =>
        new(entries.Select(e => Pair(e.Key, e.Value)));

    private static ValueMap<int> LargeMap(int count, bool reversed)
    {
        IEnumerable<int> order = Enumerable.Range(0, count);
        return new ValueMap<int>((reversed ? order.Reverse() : order).Select(i => Pair("k" + i, i * 10)));
    }

    [Fact]
    public void Equality_ignores_entry_order()
    {
        ValueMap<int> a = Map(("a", 1), ("b", 2), ("c", 3));
        ValueMap<int> b = Map(("c", 3), ("a", 1), ("b", 2));

        Assert.True(a.Equals(b));
        Assert.True(b.Equals(a));
        Assert.True(a == b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Keys_values_and_counts_matter()
    {
        ValueMap<int> a = Map(("a", 1), ("b", 2));

        Assert.False(a.Equals(Map(("a", 1), ("b", 3))));
        Assert.False(a.Equals(Map(("a", 1), ("c", 2))));
        Assert.False(a.Equals(Map(("a", 1))));
        Assert.False(a.Equals(Map(("a", 1), ("b", 2), ("c", 3))));
        Assert.False(a.Equals(Map(("A", 1), ("b", 2))));
        Assert.True(a != Map(("b", 1), ("a", 2)));
        Assert.NotEqual(a.GetHashCode(), Map(("b", 1), ("a", 2)).GetHashCode());
        Assert.False(a.Equals(null));
    }

    [Fact]
    public void Large_maps_compare_and_hash_regardless_of_order()
    {
        ValueMap<int> forward = LargeMap(100, reversed: false);
        ValueMap<int> backward = LargeMap(100, reversed: true);

        Assert.True(forward.Equals(backward));
        Assert.Equal(forward.GetHashCode(), backward.GetHashCode());
        Assert.Equal("k0", forward.Keys.First());
        Assert.Equal("k99", backward.Keys.First());
        Assert.False(forward.Equals(LargeMap(99, reversed: false)));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(200)]
    public void Duplicate_keys_keep_the_first_position_and_the_last_value(int distinct)
    {
        var entries = new List<KeyValuePair<string, int>>();
        for (int i = 0; i < distinct; i++)
        {
            entries.Add(Pair("k" + i, i));
        }

        entries.Add(Pair("k0", -1));
        entries.Add(Pair("k" + (distinct - 1), -2));
        entries.Add(Pair("k0", -3));

        var map = new ValueMap<int>(entries);

        Assert.Equal(distinct, map.Count);
        Assert.Equal(-3, map["k0"]);
        Assert.Equal(-2, map["k" + (distinct - 1)]);
        Assert.Equal(Enumerable.Range(0, distinct).Select(i => "k" + i), map.Keys);
        Assert.Equal("k0", map.First().Key);
        Assert.Equal(-3, map.First().Value);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(50)]
    public void Lookups_are_ordinal(int count)
    {
        var builder = new ValueMapBuilder<string>();
        for (int i = 0; i < count; i++)
        {
            builder.Add("key" + i, "v" + i);
        }

        builder.Add("Name", "upper");
        builder.Add("name", "lower");
        ValueMap<string> map = builder.ToValueMap();

        Assert.Equal("upper", map["Name"]);
        Assert.Equal("lower", map["name"]);
        Assert.True(map.ContainsKey("key0"));
        Assert.False(map.ContainsKey("KEY0"));
        Assert.True(map.TryGetValue("key" + (count - 1), out string? found));
        Assert.Equal("v" + (count - 1), found);
        Assert.False(map.TryGetValue("missing", out string? missing));
        Assert.Null(missing);
        Assert.Throws<KeyNotFoundException>(() => map["missing"]);
        Assert.Throws<ArgumentNullException>(() => map.ContainsKey(null!));
    }

    [Fact]
    public void Enumeration_keys_and_values_follow_insertion_order()
    {
        ValueMap<int> map = Map(("z", 26), ("a", 1), ("m", 13));
        var viaStruct = new List<string>();
        foreach (KeyValuePair<string, int> entry in map)
        {
            viaStruct.Add(entry.Key + "=" + entry.Value);
        }

        Assert.Equal(new[] { "z=26", "a=1", "m=13" }, viaStruct);
        Assert.Equal(new[] { "z", "a", "m" }, map.Keys);
        Assert.Equal(new[] { 26, 1, 13 }, map.Values);
        Assert.Equal(new[] { "z", "a", "m" }, ((IEnumerable<KeyValuePair<string, int>>)map).Select(p => p.Key));
        Assert.Equal("{3 entries}", map.ToString());
    }

    [Fact]
    public void Builder_returns_null_or_empty_when_nothing_was_added()
    {
        var builder = new ValueMapBuilder<RawJson>();
        Assert.Null(builder.ToValueMapOrNull());
        Assert.Same(ValueMap<RawJson>.Empty, builder.ToValueMap());
        Assert.True(ValueMap<int>.Empty.Equals(new ValueMap<int>(new List<KeyValuePair<string, int>>())));
    }

    [Fact]
    public void Builder_is_reset_after_building()
    {
        var builder = new ValueMapBuilder<int>();
        for (int i = 0; i < 20; i++)
        {
            builder.Add("k" + i, i);
        }

        builder.Add("k3", 300);
        Assert.Equal(20, builder.Count);
        ValueMap<int>? first = builder.ToValueMapOrNull();
        builder.Dispose();

        Assert.NotNull(first);
        Assert.Equal(20, first!.Count);
        Assert.Equal(300, first["k3"]);
        Assert.Equal(0, builder.Count);

        builder.Add("k3", 1);
        ValueMap<int> second = builder.ToValueMap();
        Assert.Single(second);
        Assert.Equal(1, second["k3"]);
    }

    [Fact]
    public void Builder_works_as_a_using_local()
    {
        using var builder = new ValueMapBuilder<int>();
        builder.Add("a", 1);
        builder.Add("b", 2);
        builder.Add("a", 3);

        ValueMap<int>? map = builder.ToValueMapOrNull();

        Assert.NotNull(map);
        Assert.Equal(new[] { "a", "b" }, map!.Keys);
        Assert.Equal(3, map["a"]);
    }

    [Fact]
    public void Maps_of_raw_json_compare_by_text()
    {
        var builder = new ValueMapBuilder<RawJson>();
        builder.Add("x", RawJson.Parse("{\"a\": 1}"));
        builder.Add("y", RawJson.Null);
        ValueMap<RawJson> a = builder.ToValueMap();

        builder.Add("y", RawJson.Parse("null"));
        builder.Add("x", RawJson.Parse("{ \"a\" : 1 }"));
        ValueMap<RawJson> b = builder.ToValueMap();

        Assert.True(a.Equals(b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Null_keys_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() =>
        {
            var builder = new ValueMapBuilder<int>();
            builder.Add(null!, 1);
        });
        Assert.Throws<ArgumentNullException>(() => new ValueMap<int>(new[] { Pair("a", 1), Pair<int>(null!, 2) }));
        Assert.Throws<ArgumentNullException>(() => new ValueMap<int>(null!));
    }

    [Fact]
    public void Null_values_are_supported()
    {
        ValueMap<string?> a = new(new[] { Pair<string?>("a", null), Pair<string?>("b", "x") });
        ValueMap<string?> b = new(new[] { Pair<string?>("b", "x"), Pair<string?>("a", null) });

        Assert.True(a.Equals(b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a.TryGetValue("a", out string? value));
        Assert.Null(value);
    }
}
