using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Clerk.Models.Runtime.Serialization;
using Xunit;

namespace Clerk.Models.Runtime.Tests;

public class JsonReadErrorTests
{
    [JsonConverter(typeof(FailingConverter))]
    public sealed class Failing
    {
    }

    public sealed class Outer
    {
        public Failing? Inner { get; set; }
    }

    /// <summary>Fails the way a generated converter would, to see what JsonSerializer does with it.</summary>
    public sealed class FailingConverter : JsonConverter<Failing>
    {
        public override Failing Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw JsonReadError.AtProperty(JsonReadError.AtIndex(JsonReadError.NullNotAllowed(), 1), "items");

        public override void Write(Utf8JsonWriter writer, Failing value, JsonSerializerOptions options) =>
            throw new NotSupportedException();
    }

    private static JsonException ReaderException(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        try
        {
            while (reader.Read())
            {
            }
        }
        catch (JsonException ex)
        {
            return ex;
        }

        throw new Xunit.Sdk.XunitException("The JSON was expected to be invalid.");
    }

    private static void AssertPlain(JsonException ex) => Assert.Equal(typeof(JsonException), ex.GetType());

    [Fact]
    public void Base_errors_have_a_root_path_and_a_reason()
    {
        JsonException missing = JsonReadError.MissingRequired("email_address");
        JsonException invalid = JsonReadError.InvalidValue("Unknown status 'x'.");
        JsonException nullError = JsonReadError.NullNotAllowed();
        JsonException unexpected = TestJson.Read("[]", (ref Utf8JsonReader r) => JsonReadError.UnexpectedToken(ref r, "an object"));

        Assert.Equal("Missing required property 'email_address'. Path: $.", missing.Message);
        Assert.Equal("Unknown status 'x'. Path: $.", invalid.Message);
        Assert.Equal("Null is not allowed here. Path: $.", nullError.Message);
        Assert.Equal("Expected an object but found StartArray. Path: $.", unexpected.Message);
        foreach (JsonException ex in new[] { missing, invalid, nullError, unexpected })
        {
            AssertPlain(ex);
            Assert.Equal("$", ex.Path);
            Assert.Null(ex.LineNumber);
            Assert.Null(ex.InnerException);
        }

        Assert.Equal("Missing required property 'email_address'.", missing.Data[JsonReadError.ReasonKey]);
    }

    [Fact]
    public void Segments_are_prepended_as_the_exception_travels_out()
    {
        JsonException leaf = TestJson.Read("\"x\"", (ref Utf8JsonReader r) => JsonReadError.UnexpectedToken(ref r, "a number"));

        JsonException atField = JsonReadError.AtProperty(leaf, "created_at");
        JsonException atElement = JsonReadError.AtIndex(atField, 0);
        JsonException atList = JsonReadError.AtProperty(atElement, "email_addresses");

        Assert.Equal("$.created_at", atField.Path);
        Assert.Equal("$[0].created_at", atElement.Path);
        Assert.Equal("$.email_addresses[0].created_at", atList.Path);
        Assert.Equal("Expected a number but found String. Path: $.email_addresses[0].created_at.", atList.Message);
        Assert.Equal("Expected a number but found String.", atList.Data[JsonReadError.ReasonKey]);
        Assert.Null(atList.InnerException);
        AssertPlain(atList);
    }

    [Fact]
    public void Consecutive_indexes_and_properties_compose()
    {
        JsonException ex = JsonReadError.AtIndex(JsonReadError.AtIndex(JsonReadError.AtProperty(JsonReadError.MissingRequired("id"), "a"), 12), 3);

        Assert.Equal("$[3][12].a", ex.Path);
        Assert.Equal("Missing required property 'id'. Path: $[3][12].a.", ex.Message);
    }

    [Theory]
    [InlineData("a b", "$['a b']")]
    [InlineData("it's", "$['it\\'s']")]
    [InlineData("back\\slash", "$['back\\\\slash']")]
    [InlineData("a.b", "$['a.b']")]
    [InlineData("x-y", "$['x-y']")]
    [InlineData("9lives", "$['9lives']")]
    [InlineData("", "$['']")]
    [InlineData("é", "$['é']")]
    [InlineData("_private2", "$._private2")]
    [InlineData("CamelCase", "$.CamelCase")]
    public void Names_that_are_not_plain_identifiers_use_brackets(string name, string path)
    {
        JsonException ex = JsonReadError.AtProperty(JsonReadError.NullNotAllowed(), name);

        Assert.Equal(path, ex.Path);
        Assert.Equal("Null is not allowed here. Path: " + path + ".", ex.Message);
    }

    [Fact]
    public void Bracketed_names_compose_with_further_segments()
    {
        JsonException ex = JsonReadError.AtProperty(JsonReadError.AtIndex(JsonReadError.AtProperty(JsonReadError.NullNotAllowed(), "c"), 2), "a b");

        Assert.Equal("$['a b'][2].c", ex.Path);
    }

    [Fact]
    public void Reader_errors_keep_their_message_position_and_cause()
    {
        JsonException readerError = ReaderException("{\n  \"a\": {\n    \"b\": tru\n  }\n}");
        Assert.Null(readerError.Path);
        Assert.NotNull(readerError.LineNumber);

        JsonException inner = JsonReadError.AtProperty(readerError, "b");
        JsonException outer = JsonReadError.AtProperty(inner, "a");

        Assert.Equal("$.a.b", outer.Path);
        Assert.Equal(readerError.Message + " Path: $.a.b.", outer.Message);
        Assert.Equal(2, outer.LineNumber);
        Assert.Equal(readerError.LineNumber, outer.LineNumber);
        Assert.Equal(readerError.BytePositionInLine, outer.BytePositionInLine);
        Assert.Same(readerError, inner.InnerException);
        Assert.Same(readerError, outer.InnerException);
        AssertPlain(outer);
    }

    [Fact]
    public void Foreign_exceptions_are_wrapped_with_their_message()
    {
        var invalidOperation = new InvalidOperationException("Cannot get the value of a token type 'Number' as a string.");
        var format = new FormatException("The JSON value is not in a supported DateTimeOffset format.");
        var overflow = new OverflowException("Too big.");

        JsonException a = JsonReadError.AtProperty(invalidOperation, "name");
        JsonException b = JsonReadError.AtIndex(JsonReadError.AtProperty(format, "created_at"), 4);
        JsonException c = JsonReadError.AtIndex(overflow, 0);

        Assert.Equal("Cannot get the value of a token type 'Number' as a string. Path: $.name.", a.Message);
        Assert.Same(invalidOperation, a.InnerException);
        Assert.Equal("The JSON value is not in a supported DateTimeOffset format. Path: $[4].created_at.", b.Message);
        Assert.Same(format, b.InnerException);
        Assert.Equal("$[0]", c.Path);
        Assert.Same(overflow, c.InnerException);
        Assert.Null(a.LineNumber);
    }

    [Fact]
    public void Serializer_errors_from_nested_calls_keep_their_relative_path()
    {
        JsonException nested = Assert.ThrowsAny<JsonException>(
            () => JsonSerializer.Deserialize<Dictionary<string, int>>("{\"x\":\"s\"}"));
        Assert.Equal("$.x", nested.Path);

        JsonException wrapped = JsonReadError.AtProperty(nested, "counts");

        Assert.Equal("$.counts.x", wrapped.Path);
        Assert.EndsWith(" Path: $.counts.x.", wrapped.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Path: $.x", wrapped.Message, StringComparison.Ordinal);
        Assert.StartsWith("The JSON value could not be converted", wrapped.Message, StringComparison.Ordinal);
        Assert.Same(nested, wrapped.InnerException);
        Assert.Equal(nested.LineNumber, wrapped.LineNumber);
    }

    [Fact]
    public void The_serializer_passes_our_exceptions_through_untouched()
    {
        JsonException ex = Assert.ThrowsAny<JsonException>(
            () => JsonSerializer.Deserialize<Outer>("{\"Inner\":{}}"));

        AssertPlain(ex);
        Assert.Equal("$.items[1]", ex.Path);
        Assert.Equal("Null is not allowed here. Path: $.items[1].", ex.Message);
    }

    [Fact]
    public void IsReadFailure_accepts_reading_errors_only()
    {
        Assert.True(JsonReadError.IsReadFailure(JsonReadError.NullNotAllowed()));
        Assert.True(JsonReadError.IsReadFailure(ReaderException("[1,")));
        Assert.True(JsonReadError.IsReadFailure(new InvalidOperationException()));
        Assert.True(JsonReadError.IsReadFailure(new FormatException()));
        Assert.True(JsonReadError.IsReadFailure(new OverflowException()));
        Assert.False(JsonReadError.IsReadFailure(new NullReferenceException()));
        Assert.False(JsonReadError.IsReadFailure(new ArgumentException()));
        Assert.False(JsonReadError.IsReadFailure(new OutOfMemoryException()));
    }

    [Fact]
    public void Arguments_are_checked()
    {
        Assert.Throws<ArgumentNullException>(() => JsonReadError.AtProperty(null!, "a"));
        Assert.Throws<ArgumentNullException>(() => JsonReadError.AtProperty(new InvalidOperationException(), null!));
        Assert.Throws<ArgumentNullException>(() => JsonReadError.AtIndex(null!, 0));
    }
}
