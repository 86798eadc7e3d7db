using System;
using System.Collections.Generic;
using System.IO;
using Clerk.Models.Generator.Model;
using SharpYaml;
using SharpYaml.Events;

namespace Clerk.Models.Generator.Read;

/// <summary>
/// Finds where a JSON pointer (<c>/components/schemas/User/properties/id</c>) is written in the spec
/// text, so that diagnostics point at the line in the editor. The parsing library keeps no positions,
/// so the text is walked once more with the YAML parser (JSON is YAML too), and only when a
/// diagnostic needs a location.
/// </summary>
internal sealed class SpecLocator
{
    private readonly string _path;
    private readonly string _text;
    private Dictionary<string, LocationInfo>? _locations;
    private Dictionary<string, string>? _scalars;
    private HashSet<string>? _quoted;
    private Dictionary<string, NodeKind>? _kinds;
    private List<(string Pointer, LocationInfo Location)>? _duplicateKeys;
    private Dictionary<string, List<string>>? _children;
    private bool _complete;

    public SpecLocator(string path, string text)
    {
        _path = path;
        _text = text;
    }

    public LocationInfo File => LocationInfo.StartOf(_path);

    /// <summary>The location of the node at <paramref name="pointer"/>, or of its nearest ancestor that exists.</summary>
    public LocationInfo Locate(string pointer)
    {
        _locations ??= Index();
        var current = pointer.StartsWith("#", StringComparison.Ordinal) ? pointer.Substring(1) : pointer;
        while (true)
        {
            if (_locations.TryGetValue(current, out var location))
            {
                return location;
            }

            var slash = current.LastIndexOf('/');
            if (slash < 0)
            {
                return File;
            }

            current = current.Substring(0, slash);
        }
    }

    /// <summary>
    /// The text of the scalar at <paramref name="pointer"/>, or null. For keywords the parsing library
    /// drops (<c>nullable</c> beside <c>allOf</c> with no <c>type</c>).
    /// </summary>
    public string? ScalarAt(string pointer)
    {
        _locations ??= Index();
        return _scalars!.TryGetValue(pointer, out var value) ? value : null;
    }

    /// <summary>Whether the scalar at <paramref name="pointer"/> is written in quotes: a string even if it looks like a number.</summary>
    public bool IsQuoted(string pointer)
    {
        _locations ??= Index();
        return _quoted!.Contains(pointer);
    }

    /// <summary>What is written at <paramref name="pointer"/>, or null when nothing is.</summary>
    public NodeKind? KindAt(string pointer)
    {
        _locations ??= Index();
        return _kinds!.TryGetValue(pointer, out var kind) ? kind : null;
    }

    /// <summary>
    /// Whether the whole text was indexed. The YAML parser stops at what it cannot read, such as an
    /// implicit key longer than 1,024 characters, which a JSON document may well hold.
    /// </summary>
    public bool IsComplete
    {
        get
        {
            _locations ??= Index();
            return _complete;
        }
    }

    /// <summary>The pointers of a mapping's values or a sequence's items, in the order written.</summary>
    public IReadOnlyList<string> ChildrenOf(string pointer)
    {
        _locations ??= Index();
        return _children!.TryGetValue(pointer, out var children) ? children : (IReadOnlyList<string>)Array.Empty<string>();
    }

    /// <summary>Mapping keys written a second time in the same mapping, at the second key.</summary>
    public IReadOnlyList<(string Pointer, LocationInfo Location)> DuplicateKeys
    {
        get
        {
            _locations ??= Index();
            return _duplicateKeys!;
        }
    }

    /// <summary>The location of a syntax error, taken from the YAML parser's own report, if it has one.</summary>
    public (LocationInfo Location, string Message)? FindSyntaxError()
    {
        try
        {
            var parser = Parser.CreateParser(new StringReader(_text));
            while (parser.MoveNext())
            {
            }

            return null;
        }
        catch (YamlException ex)
        {
            // The parser's message repeats the position the diagnostic already carries: "(Lin: 10, ...) - (...): text".
            var message = ex.Message;
            var separator = message.IndexOf("): ", StringComparison.Ordinal);
            if (message.StartsWith("(Lin:", StringComparison.Ordinal) && separator > 0)
            {
                message = message.Substring(separator + 3);
            }

            return (At(ex.Start, ex.End), message);
        }
    }

    /// <summary>A position as System.Text.Json reports it: a 0-based line and a UTF-8 byte offset in that line.</summary>
    public LocationInfo AtLineAndByte(long line, long bytePosition)
    {
        var start = 0;
        for (var current = 0L; current < line; current++)
        {
            var next = _text.IndexOf('\n', start);
            if (next < 0)
            {
                break;
            }

            start = next + 1;
        }

        var end = _text.IndexOf('\n', start);
        var lineText = end < 0 ? _text.Substring(start) : _text.Substring(start, end - start);
        var column = 0;
        var bytes = 0L;
        while (column < lineText.Length && bytes < bytePosition)
        {
            bytes += System.Text.Encoding.UTF8.GetByteCount(lineText.Substring(column, char.IsHighSurrogate(lineText[column]) && column + 1 < lineText.Length ? 2 : 1));
            column += char.IsHighSurrogate(lineText[column]) && column + 1 < lineText.Length ? 2 : 1;
        }

        var index = Math.Min(start + column, _text.Length);
        var (lineNumber, columnNumber) = LineAndColumn(index);
        var length = index < _text.Length ? 1 : 0;
        return new LocationInfo(_path, index, length, lineNumber, columnNumber, lineNumber, columnNumber + length);
    }

    public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    private Dictionary<string, LocationInfo> Index()
    {
        var locations = new Dictionary<string, LocationInfo>(StringComparer.Ordinal);
        _scalars = new Dictionary<string, string>(StringComparer.Ordinal);
        _quoted = new HashSet<string>(StringComparer.Ordinal);
        _kinds = new Dictionary<string, NodeKind>(StringComparer.Ordinal);
        _duplicateKeys = new List<(string, LocationInfo)>();
        _children = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var frames = new Stack<Frame>();
        try
        {
            var parser = Parser.CreateParser(new StringReader(_text));
            while (parser.MoveNext())
            {
                var current = parser.Current;
                switch (current)
                {
                    case MappingEnd:
                    case SequenceEnd:
                        if (frames.Count > 0)
                        {
                            frames.Pop();
                        }

                        break;
                    case Scalar:
                    case MappingStart:
                    case SequenceStart:
                    case AnchorAlias:
                        var pointer = PointerOfNode(frames, current, locations);
                        if (pointer is not null && !_kinds.ContainsKey(pointer))
                        {
                            _kinds[pointer] = KindOf(current);
                            if (frames.Count > 0)
                            {
                                var parent = frames.Peek().Pointer;
                                if (!_children.TryGetValue(parent, out var siblings))
                                {
                                    _children[parent] = siblings = new List<string>();
                                }

                                siblings.Add(pointer);
                            }
                        }

                        if (pointer is not null && current is MappingStart or SequenceStart)
                        {
                            frames.Push(new Frame(pointer, current is MappingStart));
                        }
                        else if (pointer is not null && current is Scalar scalar)
                        {
                            _scalars[pointer] = scalar.Value;
                            if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted)
                            {
                                _quoted.Add(pointer);
                            }
                        }

                        break;
                }
            }

            _complete = true;
        }
        catch (YamlException)
        {
            // Keep what was indexed before the error; lookups fall back to the nearest ancestor.
        }

        return locations;
    }

    /// <summary>Records the node's pointer; returns null when the node is a mapping key.</summary>
    private string? PointerOfNode(Stack<Frame> frames, ParsingEvent node, Dictionary<string, LocationInfo> locations)
    {
        if (frames.Count == 0)
        {
            locations[string.Empty] = At(node.Start, node.End);
            return string.Empty;
        }

        var frame = frames.Peek();
        string pointer;
        if (frame.IsMapping)
        {
            if (frame.PendingKey is null)
            {
                // A key: its location is the one a diagnostic about the member should show.
                frame.PendingKey = node is Scalar scalar ? scalar.Value : "?";
                var keyPointer = frame.Pointer + "/" + Escape(frame.PendingKey);
                var keyLocation = At(node.Start, node.End);
                if (!frame.Keys.Add(frame.PendingKey))
                {
                    _duplicateKeys!.Add((keyPointer, keyLocation));
                }

                locations[keyPointer] = keyLocation;
                return null;
            }

            pointer = frame.Pointer + "/" + Escape(frame.PendingKey);
            frame.PendingKey = null;
        }
        else
        {
            pointer = frame.Pointer + "/" + frame.Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            frame.Index++;
            if (!locations.ContainsKey(pointer))
            {
                locations[pointer] = At(node.Start, node.End);
            }
        }

        return pointer;
    }

    private static NodeKind KindOf(ParsingEvent node) => node switch
    {
        MappingStart => NodeKind.Mapping,
        SequenceStart => NodeKind.Sequence,
        AnchorAlias => NodeKind.Alias,
        Scalar { Style: ScalarStyle.Plain, Value: "" or "~" or "null" or "Null" or "NULL" } => NodeKind.Null,
        Scalar { Style: ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded } => NodeKind.String,
        _ => NodeKind.Scalar,
    };

    private LocationInfo At(Mark start, Mark end)
    {
        var startIndex = Math.Max(0, Math.Min(start.Index, _text.Length));
        var endIndex = Math.Max(startIndex, Math.Min(end.Index, _text.Length));
        if (start.Index >= _text.Length)
        {
            // The parser reports the end of a truncated file on a line after the last one: point at the last character.
            startIndex = endIndex = Math.Max(0, _text.Length - 1);
            var (line, column) = LineAndColumn(startIndex);
            return new LocationInfo(_path, startIndex, _text.Length - startIndex, line, column, line, column + (_text.Length - startIndex));
        }

        return new LocationInfo(_path, startIndex, endIndex - startIndex, start.Line, start.Column, end.Line, end.Column);
    }

    private (int Line, int Column) LineAndColumn(int index)
    {
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (_text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart);
    }

    private sealed class Frame
    {
        public Frame(string pointer, bool isMapping)
        {
            Pointer = pointer;
            IsMapping = isMapping;
        }

        public string Pointer { get; }

        public bool IsMapping { get; }

        public string? PendingKey { get; set; }

        public int Index { get; set; }

        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);
    }
}

/// <summary>The kind of node written at a pointer: what a keyword's value must be is checked against it.</summary>
internal enum NodeKind
{
    Mapping,
    Sequence,

    /// <summary>A plain scalar: a number, a boolean or an unquoted string.</summary>
    Scalar,

    /// <summary>A quoted or block scalar: always a string.</summary>
    String,

    /// <summary>An empty value, <c>~</c> or <c>null</c>.</summary>
    Null,
    Alias,
}
