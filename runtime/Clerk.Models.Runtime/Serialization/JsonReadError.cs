using System;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Clerk.Models.Runtime.Serialization;

/// <summary>
/// Creates the <see cref="JsonException"/>s thrown by generated converters, with a JSON path
/// that is built up segment by segment as the exception travels outwards.
/// </summary>
/// <remarks>
/// <para>
/// Every exception has <see cref="JsonException.Path"/> set, so <see cref="JsonSerializer"/>
/// passes it through unchanged, and the message <c>"{reason} Path: {path}."</c>, e.g.
/// <c>Expected a number but found String. Path: $.email_addresses[0].created_at.</c>
/// The bare reason is kept in <see cref="Exception.Data"/> under <see cref="ReasonKey"/> so
/// that <see cref="AtProperty"/> and <see cref="AtIndex"/> can rebuild the message.
/// </para>
/// <para>
/// Converters throw errors with the path <c>$</c> (relative to the value being read) and
/// wrap anything thrown while reading a member or element:
/// <c>catch (Exception ex) when (JsonReadError.IsReadFailure(ex)) { throw JsonReadError.AtProperty(ex, "created_at"); }</c>.
/// </para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonReadError
{
    /// <summary>The <see cref="Exception.Data"/> key under which the bare reason is stored.</summary>
    public const string ReasonKey = "Clerk.Models.Reason";

    private const string RootPath = "$";

    /// <summary>Creates an error for a token of the wrong type.</summary>
    /// <param name="reader">The reader, positioned on the offending token.</param>
    /// <param name="expected">What was expected, e.g. <c>a number</c> or <c>an object</c>.</param>
    /// <returns>An exception with reason <c>Expected {expected} but found {token type}.</c> and path <c>$</c>.</returns>
    public static JsonException UnexpectedToken(ref Utf8JsonReader reader, string expected) =>
        Create("Expected " + expected + " but found " + reader.TokenType.ToString() + ".", RootPath, null, null, null);

    /// <summary>Creates an error for a JSON <c>null</c> where a value is required.</summary>
    /// <returns>An exception with reason <c>Null is not allowed here.</c> and path <c>$</c>.</returns>
    public static JsonException NullNotAllowed() =>
        Create("Null is not allowed here.", RootPath, null, null, null);

    /// <summary>Creates an error for a required member that the object lacks.</summary>
    /// <param name="jsonName">The member's JSON name.</param>
    /// <returns>An exception with reason <c>Missing required property '{jsonName}'.</c> and path <c>$</c> (the object's own path).</returns>
    public static JsonException MissingRequired(string jsonName) =>
        Create("Missing required property '" + jsonName + "'.", RootPath, null, null, null);

    /// <summary>Creates an error for a value of the right token type that is still unacceptable.</summary>
    /// <param name="reason">A complete sentence explaining the problem.</param>
    /// <returns>An exception with the given reason and path <c>$</c>.</returns>
    public static JsonException InvalidValue(string reason) =>
        Create(reason, RootPath, null, null, null);

    /// <summary>
    /// Determines whether <paramref name="exception"/> is one that reading a value can
    /// legitimately throw, and so should be wrapped with a path: <see cref="JsonException"/>,
    /// <see cref="InvalidOperationException"/> (e.g. <see cref="Utf8JsonReader.GetString"/> on
    /// invalid UTF-8), <see cref="FormatException"/>, <see cref="OverflowException"/> and
    /// <see cref="System.Text.RegularExpressions.RegexMatchTimeoutException"/> (a spec's pattern that
    /// a crafted value makes backtrack past its timeout).
    /// Anything else indicates a bug and should propagate unchanged.
    /// </summary>
    /// <param name="exception">The caught exception.</param>
    /// <returns><see langword="true"/> when the exception should be wrapped.</returns>
    public static bool IsReadFailure(Exception exception) =>
        exception is JsonException or InvalidOperationException or FormatException or OverflowException
            or System.Text.RegularExpressions.RegexMatchTimeoutException;

    /// <summary>Re-throws an error raised while reading a member, with the member prepended to its path.</summary>
    /// <param name="inner">
    /// The caught exception: one created here, a <see cref="JsonException"/> from the reader or
    /// from <see cref="JsonSerializer"/>, or another exception such as
    /// <see cref="InvalidOperationException"/>, <see cref="FormatException"/> or <see cref="OverflowException"/>.
    /// </param>
    /// <param name="jsonName">The member's JSON name; names that are not plain identifiers use bracket notation, e.g. <c>$['a b']</c>.</param>
    /// <returns>A new exception whose path is <c>$.{jsonName}</c> followed by the inner path.</returns>
    public static JsonException AtProperty(Exception inner, string jsonName)
    {
        Guard.NotNull(jsonName, nameof(jsonName));
        return Prepend(inner, PropertySegment(jsonName));
    }

    /// <summary>Re-throws an error raised while reading an array element, with the index prepended to its path.</summary>
    /// <param name="inner">The caught exception; see <see cref="AtProperty"/>.</param>
    /// <param name="index">The element's zero-based index.</param>
    /// <returns>A new exception whose path is <c>$[{index}]</c> followed by the inner path.</returns>
    public static JsonException AtIndex(Exception inner, int index) =>
        Prepend(inner, "[" + index.ToString(CultureInfo.InvariantCulture) + "]");

    private static JsonException Prepend(Exception inner, string segment)
    {
        Guard.NotNull(inner, nameof(inner));

        string reason;
        string innerPath = RootPath;
        long? lineNumber = null;
        long? bytePositionInLine = null;
        Exception? cause = inner;

        if (inner is JsonException json)
        {
            lineNumber = json.LineNumber;
            bytePositionInLine = json.BytePositionInLine;
            if (json.Path is not null)
            {
                innerPath = json.Path;
                if (json.Data[ReasonKey] is string ours)
                {
                    // Ours: keep the chain flat, pointing at the original foreign cause if any.
                    reason = ours;
                    cause = json.InnerException;
                }
                else
                {
                    // Raised by JsonSerializer in a nested call: its path is relative to the
                    // value we were reading, and its message already ends with that path.
                    reason = StripSerializerSuffix(json.Message, json.Path);
                }
            }
            else
            {
                // A reader error (malformed or truncated JSON) or a path-less JsonException.
                reason = json.Message;
            }
        }
        else
        {
            reason = inner.Message;
        }

        return Create(reason, Join(segment, innerPath), lineNumber, bytePositionInLine, cause);
    }

    private static JsonException Create(string reason, string path, long? lineNumber, long? bytePositionInLine, Exception? innerException)
    {
        var exception = new JsonException(reason + " Path: " + path + ".", path, lineNumber, bytePositionInLine, innerException);
        exception.Data[ReasonKey] = reason;
        return exception;
    }

    private static string Join(string segment, string innerPath) =>
        innerPath.Length > 0 && innerPath[0] == '$'
            ? RootPath + segment + innerPath.Substring(1)
            : RootPath + segment + "." + innerPath;

    private static string StripSerializerSuffix(string message, string path)
    {
        // JsonSerializer appends " Path: {path} | LineNumber: ... | BytePositionInLine: ...".
        int at = message.LastIndexOf(" Path: " + path + " |", StringComparison.Ordinal);
        return at > 0 ? message.Substring(0, at) : message;
    }

    private static string PropertySegment(string name)
    {
        if (IsPlainIdentifier(name))
        {
            return "." + name;
        }

        var builder = new StringBuilder(name.Length + 4);
        builder.Append("['");
        foreach (char c in name)
        {
            if (c == '\'' || c == '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.Append("']").ToString();
    }

    private static bool IsPlainIdentifier(string name)
    {
        if (name.Length == 0 || (name[0] >= '0' && name[0] <= '9'))
        {
            return false;
        }

        foreach (char c in name)
        {
            bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
