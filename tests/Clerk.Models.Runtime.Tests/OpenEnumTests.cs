using System;
using System.Collections.Generic;
using System.Globalization;
using Xunit;

namespace Clerk.Models.Runtime.Tests;

/// <summary>OpenEnum, through enums declared as the generator declares them (TestEnums.cs).</summary>
public class OpenEnumTests
{
    [Fact]
    public void From_gives_the_shared_instance_of_a_known_value()
    {
        Assert.Same(SessionStatus.Active, SessionStatus.From("active"));
        Assert.Same(SessionStatus.Expired, SessionStatus.From("expired"));
        Assert.Same(Tier.Pro, Tier.From(1));
        Assert.Same(Tier.Legacy, Tier.From(-1234567));
        Assert.Same(SeatLimit.Unlimited, SeatLimit.From(RawJson.Parse(" \"unlimited\" ")));
        Assert.Same(SeatLimit.None, SeatLimit.From(RawJson.Parse("0")));
        Assert.True(SessionStatus.Active.IsKnown);
        Assert.True(Tier.Free.IsKnown);
        Assert.True(SeatLimit.None.IsKnown);
    }

    [Fact]
    public void From_gives_a_new_instance_for_an_unknown_value()
    {
        var first = SessionStatus.From("revoked");
        var second = SessionStatus.From("revoked");
        var tier = Tier.From(42);
        var limit = SeatLimit.From(RawJson.Parse("0.0"));

        Assert.NotSame(first, second);
        Assert.False(first.IsKnown);
        Assert.Equal("revoked", first.Value);
        Assert.False(tier.IsKnown);
        Assert.Equal(42, tier.Value);
        Assert.False(limit.IsKnown);
        Assert.NotEqual(SeatLimit.None, limit);
    }

    [Fact]
    public void Null_values_are_refused()
    {
        var fromNull = Assert.Throws<ArgumentNullException>(() => SessionStatus.From(null!));
        var baseNull = Assert.Throws<ArgumentNullException>(() => SessionStatus.Unchecked(null!));

        Assert.Equal("value", fromNull.ParamName);
        Assert.Equal("value", baseNull.ParamName);
        Assert.Throws<ArgumentNullException>(() => SeatLimit.From(null!));
    }

    [Fact]
    public void Instances_are_equal_when_their_values_are()
    {
        var a = SessionStatus.From("revoked");
        var b = SessionStatus.From("revoked");

        Assert.True(a.Equals(b));
        Assert.True(a.Equals((object)b));
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(SessionStatus.Active, SessionStatus.Unchecked("active"));
        Assert.Equal(SessionStatus.Active.GetHashCode(), SessionStatus.Unchecked("active").GetHashCode());
        Assert.True(SessionStatus.Active.Equals(SessionStatus.Active));
        Assert.Equal(Tier.From(42), Tier.From(42));
        Assert.Equal(Tier.From(42).GetHashCode(), Tier.From(42).GetHashCode());
        Assert.NotEqual(Tier.From(42), Tier.From(43));
    }

    [Fact]
    public void String_values_compare_ordinally()
    {
        var upper = SessionStatus.From("Active");

        Assert.False(upper.IsKnown);
        Assert.False(upper.Equals(SessionStatus.Active));
        Assert.True(upper != SessionStatus.Active);
        Assert.NotEqual(SessionStatus.From("A"), SessionStatus.From("a"));
        Assert.NotEqual(SessionStatus.From("e\u0301"), SessionStatus.From("\u00e9"));

        var set = new HashSet<SessionStatus> { SessionStatus.Active, SessionStatus.From("revoked") };
        Assert.Contains(SessionStatus.Unchecked("active"), set);
        Assert.Contains(SessionStatus.From("revoked"), set);
        Assert.DoesNotContain(SessionStatus.From("ACTIVE"), set);
    }

    [Fact]
    public void Raw_values_compare_by_their_compact_text()
    {
        var spaced = SeatLimit.From(RawJson.Parse("[1, 2]"));
        var compact = SeatLimit.From(RawJson.Parse("[1,2]"));
        var other = SeatLimit.From(RawJson.Parse("[2,1]"));
        var escaped = SeatLimit.From(RawJson.Parse("\"\\u0075nlimited\""));

        Assert.Equal(spaced, compact);
        Assert.Equal(spaced.GetHashCode(), compact.GetHashCode());
        Assert.NotEqual(spaced, other);
        Assert.False(escaped.IsKnown);
        Assert.NotEqual(SeatLimit.Unlimited, escaped);
    }

    [Fact]
    public void Equality_operators_handle_null()
    {
        SessionStatus? none = null;
        SessionStatus? alsoNone = null;

        Assert.True(none == alsoNone);
        Assert.False(none != alsoNone);
        Assert.False(SessionStatus.Active == none);
        Assert.False(none == SessionStatus.Active);
        Assert.True(SessionStatus.Active != none);
        Assert.True(none != SessionStatus.Active);
        Assert.False(SessionStatus.Active.Equals(none));
        Assert.False(SessionStatus.Active.Equals((object?)null));
    }

    [Fact]
    public void Another_enums_instance_with_the_same_value_is_not_equal()
    {
        Assert.Equal(SessionStatus.Expired.Value, OtpStatus.Expired.Value);
        Assert.False(SessionStatus.Expired.Equals((object)OtpStatus.Expired));
        Assert.False(OtpStatus.Expired.Equals((object)SessionStatus.Expired));
        Assert.False(SessionStatus.Expired.Equals((object)"expired"));
        Assert.False(Tier.Pro.Equals((object)1L));
        Assert.False(SeatLimit.None.Equals((object)RawJson.Parse("0")));
    }

    [Fact]
    public void ToString_gives_the_value_as_text()
    {
        Assert.Equal("active", SessionStatus.Active.ToString());
        Assert.Equal("revoked", SessionStatus.From("revoked").ToString());
        Assert.Equal("1", Tier.Pro.ToString());
        Assert.Equal("\"unlimited\"", SeatLimit.Unlimited.ToString());
        Assert.Equal("{\"max\":5}", SeatLimit.From(RawJson.Parse("{ \"max\" : 5 }")).ToString());
    }

    [Fact]
    public void Numbers_are_written_in_the_invariant_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("ar-SA");

            // The culture really formats negative numbers differently, or this test would prove nothing.
            Assert.NotEqual("-1234567", (-1234567L).ToString(CultureInfo.CurrentCulture));
            Assert.Equal("-1234567", Tier.Legacy.ToString());
            Assert.Equal("-9223372036854775808", Tier.From(long.MinValue).ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
