using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Clerk.Models.Runtime.Serialization;

/// <summary>
/// Reads one JSON object member by member for a generated record converter: moves to each member's
/// value and says which declared member it is, keeps the members the record does not declare, and
/// puts the member's name in the path of an error raised while its value is read. Not meant to be
/// used by other code.
/// </summary>
/// <remarks>
/// A mutable struct: keep it in a local and never copy it. <see cref="Dispose"/> returns the buffer
/// the unknown members were kept in, whatever happened.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct ObjectReader : IDisposable
{
    private const int UnknownMember = -1;
    private const int NoMember = -2;

    private readonly JsonMemberNames _names;
    private ValueMapBuilder<RawJson> _unknown;
    private int _member;
    private int _previous;
    private string? _unknownName;

    /// <summary>Starts reading the object the reader is on.</summary>
    /// <param name="reader">The reader, on <see cref="JsonTokenType.StartObject"/>.</param>
    /// <param name="names">The record's member names.</param>
    /// <exception cref="JsonException">The token is not the start of an object.</exception>
    public ObjectReader(ref Utf8JsonReader reader, JsonMemberNames names)
    {
        JsonRead.Expect(ref reader, JsonTokenType.StartObject);
        _names = names;
        _unknown = default;
        _member = NoMember;
        _previous = UnknownMember;
        _unknownName = null;
    }

    /// <summary>
    /// Moves to the value of the next member the record declares; the members in between that it
    /// does not declare are kept, for <see cref="TakeUnknown"/>.
    /// </summary>
    /// <param name="reader">The reader.</param>
    /// <param name="member">The member's position among the record's names.</param>
    /// <returns><see langword="false"/> at the end of the object.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Next(ref Utf8JsonReader reader, out int member)
    {
        while (true)
        {
            // Between members no member is being read: malformed JSON here is the object's error.
            _member = NoMember;
            JsonRead.Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                member = NoMember;
                return false;
            }

            member = _names.Find(ref reader, _previous);
            if (member != UnknownMember)
            {
                _member = member;
                _previous = member;
                JsonRead.Next(ref reader);
                return true;
            }

            KeepUnknown(ref reader);
        }
    }

    // Out of line: unknown members are the rare case, and Next is inlined into every converter.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void KeepUnknown(ref Utf8JsonReader reader)
    {
        // A name that is not valid UTF-8 fails here, as the object's error: there is no member to name yet.
        _unknownName = reader.GetString()!;
        _member = UnknownMember;
        JsonRead.Next(ref reader);
        _unknown.Add(_unknownName, RawJson.Read(ref reader));
    }

    /// <summary>The members the record does not declare, in the order first read; null when there were none.</summary>
    /// <returns>The map, or null.</returns>
    public ValueMap<RawJson>? TakeUnknown() => _unknown.ToValueMapOrNull();

    /// <summary>Whether <paramref name="exception"/> was raised while a member's value was read, so that it gets the member's path.</summary>
    /// <param name="exception">The caught exception.</param>
    /// <returns><see langword="true"/> to wrap it with <see cref="AtMember"/>.</returns>
    public readonly bool IsMemberFailure(Exception exception) => _member != NoMember && JsonReadError.IsReadFailure(exception);

    /// <summary>The exception to throw instead: the same error, with the member's name in front of its path.</summary>
    /// <param name="exception">The caught exception.</param>
    /// <returns>The exception to throw.</returns>
    public readonly JsonException AtMember(Exception exception)
        => JsonReadError.AtProperty(exception, _member >= 0 ? _names.Name(_member) : _unknownName!);

    /// <summary>Returns the buffer the unknown members were kept in.</summary>
    public void Dispose() => _unknown.Dispose();

    /// <summary>
    /// Throws for the first required member that the object lacked. Members are numbered in
    /// declaration order, 64 to a word of presence bits.
    /// </summary>
    /// <param name="present">The bits of the members read, for members 64 × <paramref name="word"/> and up.</param>
    /// <param name="required">The bits of the members the record requires.</param>
    /// <param name="word">Which 64 members the bits are for.</param>
    /// <param name="names">The record's member names, for the message.</param>
    /// <exception cref="JsonException">A required member is missing.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ThrowIfMissing(ulong present, ulong required, int word, JsonMemberNames names)
    {
        if ((present & required) != required)
        {
            throw Missing(present, required, word, names);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static JsonException Missing(ulong present, ulong required, int word, JsonMemberNames names)
    {
        var missing = required & ~present;
        var bit = 0;
        while ((missing & (1UL << bit)) == 0)
        {
            bit++;
        }

        return JsonReadError.MissingRequired(names.Name((word * 64) + bit));
    }
}
