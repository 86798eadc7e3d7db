using System.Text;
using Clerk.Models.Testing;
using Xunit;
using Xunit.Sdk;

namespace Clerk.Models.Tests;

/// <summary>The comparer every round-trip test relies on: what it calls equal decides what they prove.</summary>
public sealed class ExactJsonTests
{
    [Theory]
    [InlineData("""{"a":1,"b":[true,null]}""", """{"b":[true,null],"a":1}""")]
    [InlineData("""{"name":"\u00e9"}""", """{"name":"é"}""")]
    [InlineData("""{"\u0061":1}""", """{"a":1}""")]
    [InlineData("""{"a":1,"b":2,"a":3}""", """{"a":1,"a":3,"b":2}""")]
    [InlineData("""{"id":"\ud800"}""", """{"id":"\ud800"}""")]
    [InlineData("""{"\ud800":1}""", """{"\ud800":1}""")]
    [InlineData("""[1e3, -0, 0.10]""", """[1e3,-0,0.10]""")]
    public void Equal_JSON_has_no_difference(string expected, string actual)
    {
        Assert.Null(ExactJson.FindDifference(expected, actual));
        Assert.Null(ExactJson.FindDifference(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual)));
    }

    [Theory]
    [InlineData("""{"n":1.0}""", """{"n":1}""", "$.n: expected 1.0 but found 1")]
    [InlineData("""{"n":1e3}""", """{"n":1000}""", "$.n: expected 1e3 but found 1000")]
    [InlineData("""[1,2]""", """[2,1]""", "$[0]: expected 1 but found 2")]
    [InlineData("""[1]""", """[1,2]""", "$: expected 1 item but found 2 items")]
    [InlineData("""{"x":{"y":1}}""", """{"x":{}}""", "$.x: member 'y' is missing")]
    [InlineData("""{}""", """{"z":null}""", "$: unexpected member 'z'")]
    [InlineData("""{"x":null}""", """{"x":{}}""", "$.x: expected null but found an object")]
    [InlineData("""{"email_addresses":[{"id":"a"}]}""", """{"email_addresses":[{"id":"b"}]}""", """$.email_addresses[0].id: expected "a" but found "b" """)]
    [InlineData("""{"a":{"two words":[1]}}""", """{"a":{"two words":[2]}}""", "$.a['two words'][0]: expected 1 but found 2")]
    [InlineData("""{"it's":true}""", """{"it's":false}""", """$['it\'s']: expected true but found false""")]
    public void The_first_difference_is_described_at_its_path(string expected, string actual, string difference)
        => Assert.Equal(difference.TrimEnd(), ExactJson.FindDifference(expected, actual));

    [Theory]
    // Each of the expected members takes one actual member, in order: none is matched twice.
    [InlineData("""{"a":1,"a":2}""", """{"a":1}""", "$: member 'a' is missing")]
    [InlineData("""{"a":1}""", """{"a":1,"a":1}""", "$: unexpected member 'a'")]
    [InlineData("""{"a":1,"a":2}""", """{"a":2,"a":1}""", "$.a: expected 1 but found 2")]
    public void Repeated_member_names_are_matched_one_for_one(string expected, string actual, string difference)
        => Assert.Equal(difference, ExactJson.FindDifference(expected, actual));

    [Theory]
    // A lone surrogate cannot be unescaped into a .NET string, so it is compared as written:
    // never equal to the U+FFFD a lossy decoding would give.
    [InlineData("""{"id":"\ud800"}""", """{"id":"\ufffd"}""", """$.id: expected "\ud800" but found "\ufffd" """)]
    [InlineData("""{"id":"\ud800"}""", """{"id":"\udc00"}""", """$.id: expected "\ud800" but found "\udc00" """)]
    [InlineData("""{"\ud800":1}""", """{"\ufffd":1}""", """$: member '\ud800' is missing""")]
    public void A_lone_surrogate_is_compared_by_its_escaped_text(string expected, string actual, string difference)
        => Assert.Equal(difference.TrimEnd(), ExactJson.FindDifference(expected, actual));

    [Fact]
    public void JsonAssert_fails_with_the_difference_and_the_actual_JSON()
    {
        var failure = Assert.Throws<XunitException>(() => JsonAssert.Equal("""{"a":[1]}""", """{"a":[1.0]}"""));

        Assert.Equal("JSON differs at $.a[0]: expected 1 but found 1.0\nActual JSON:\n{\"a\":[1.0]}", failure.Message);
    }
}
