using System;
using System.ComponentModel;
using System.Text.Json;

namespace Clerk.Models.Runtime.Serialization;

/// <summary>
/// The known values of one generated string enum, for its <c>From</c> and its converter: a value read
/// is matched on its UTF-8 bytes (a known one allocates nothing), and a known value is written
/// pre-encoded. Not meant to be used by other code.
/// </summary>
/// <typeparam name="TEnum">The generated enum.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class StringEnumValues<TEnum>
    where TEnum : OpenEnum<TEnum, string>
{
    private readonly TEnum[] _known;
    private readonly JsonMemberNames _names;
    private readonly Func<string, TEnum> _unknown;

    /// <summary>Creates the table.</summary>
    /// <param name="unknown">Makes the instance that holds a value the spec does not list.</param>
    /// <param name="known">The shared instances of the values the spec lists, distinct.</param>
    public StringEnumValues(Func<string, TEnum> unknown, params TEnum[] known)
    {
        Guard.NotNull(unknown, nameof(unknown));
        Guard.NotNull(known, nameof(known));
        _unknown = unknown;
        _known = (TEnum[])known.Clone();
        _names = new JsonMemberNames(Array.ConvertAll(_known, k => k.Value));
        for (var i = 0; i < _known.Length; i++)
        {
            _known[i].KnownIndex = i;
        }
    }

    /// <summary>The shared instance for a known value, or a new instance that holds an unknown one.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The instance.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public TEnum From(string value)
    {
        Guard.NotNull(value, nameof(value));
        var index = _names.IndexOf(value);
        return index >= 0 ? _known[index] : _unknown(value);
    }

    /// <summary>Reads the string at the reader's current token.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The shared instance of a known value, or a new instance that holds an unknown one.</returns>
    /// <exception cref="JsonException">The token is not a string.</exception>
    public TEnum Read(ref Utf8JsonReader reader)
    {
        JsonRead.Expect(ref reader, JsonTokenType.String);
        var index = _names.Find(ref reader);
        return index >= 0 ? _known[index] : _unknown(reader.GetString()!);
    }

    /// <summary>Writes the value as a JSON string; a known value pre-encoded.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public void Write(Utf8JsonWriter writer, TEnum value)
    {
        if (value.KnownIndex >= 0)
        {
            writer.WriteStringValue(_names[value.KnownIndex]);
        }
        else
        {
            writer.WriteStringValue(value.Value);
        }
    }
}
