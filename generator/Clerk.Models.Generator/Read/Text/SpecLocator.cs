using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using Clerk.Models.Generator.Model;
using Microsoft.OpenApi.YamlReader;
using SharpYaml;
using SharpYaml.Events;

namespace Clerk.Models.Generator.Read.Text;

/// <summary>
/// Finds where a JSON pointer (<c>/components/schemas/User/properties/id</c>) is written in the spec
/// text, so that diagnostics point at the line in the editor. The parsing library keeps no positions.
/// A YAML spec is read here (<see cref="ParseYaml"/>), into the JSON tree the library reads, and
/// indexed in the same pass; a JSON spec is indexed with the YAML parser (JSON is YAML too) only
/// when a diagnostic needs a location.
/// </summary>
internal sealed class SpecLocator
{
    private readonly string _path;
    private readonly string _text;
    // Positions, not LocationInfo objects: only the few a diagnostic asks for become locations.
    private Dictionary<string, (Mark Start, Mark End)>? _locations;
    private Dictionary<string, string>? _scalars;
    private HashSet<string>? _quoted;
    private List<(string Pointer, LocationInfo Location)>? _duplicateKeys;

    /// <summary>Deeper YAML is refused, as JSON is: the library and the model builder recurse per level.</summary>
    public const int MaxDepth = 512;

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
            if (_locations.TryGetValue(current, out var span))
            {
                return At(span.Start, span.End);
            }

            var slash = current.LastIndexOf('/');
            if (slash < 0)
            {
                return File;
            }

            current = current.Substring(0, slash);
        }
    }

    /// <summary>Whether the spec writes the node at <paramref name="pointer"/> (unlike <see cref="Locate"/>, which falls back to an ancestor).</summary>
    public bool Has(string pointer)
    {
        _locations ??= Index();
        return _locations.ContainsKey(pointer);
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

    /// <summary>
    /// Reads the YAML text into the JSON tree the OpenAPI library reads, indexing every node in the same
    /// pass, so the text is parsed once rather than by the library and again for locations. Scalars
    /// are converted by the library's own <see cref="YamlConverter"/>, so they mean what they would there.
    /// </summary>
    /// <returns>The document's root, or null for an empty document.</returns>
    /// <exception cref="YamlException">The text is not YAML.</exception>
    /// <exception cref="SpecTextException">A duplicate key, too deep a nesting, or too many nodes from aliases.</exception>
    public JsonNode? ParseYaml(CancellationToken cancellationToken)
    {
        var tree = new YamlTreeBuilder(this, cancellationToken);
        var locations = Index(tree);
        _locations = locations;
        if (FirstDuplicateKey() is { } duplicate)
        {
            throw new SpecTextException(duplicate.Location, duplicate.Message);
        }

        return tree.Root;
    }

    /// <summary>The first key written twice in one mapping, which JSON and YAML readers refuse; null when there is none.</summary>
    public (LocationInfo Location, string Message)? FirstDuplicateKey()
    {
        _locations ??= Index();
        if (_duplicateKeys!.Count == 0)
        {
            return null;
        }

        var (pointer, location) = _duplicateKeys[0];
        return (location, "'" + LastSegment(pointer) + "' is written twice in the same mapping; write each key once");
    }

    /// <summary>The location of a syntax error, taken from the YAML parser's own report, if it has one.</summary>
    public (LocationInfo Location, string Message)? FindSyntaxError()
    {
        try
        {
            var parser = Parser.CreateParser(new StringReader(_text.Substring(BomLength)));
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

    /// <summary>The last segment of a pointer, unescaped: the key or index it ends with.</summary>
    public static string LastSegment(string pointer)
        => pointer.Substring(pointer.LastIndexOf('/') + 1).Replace("~1", "/").Replace("~0", "~");

    public static string Escape(string segment)
        => segment.IndexOfAny(EscapedCharacters) < 0 ? segment : segment.Replace("~", "~0").Replace("/", "~1");

    private static readonly char[] EscapedCharacters = { '~', '/' };

    private Dictionary<string, (Mark Start, Mark End)> Index() => Index(tree: null);

    /// <summary>
    /// Indexes every node's location, scalar text and quoting. With a <paramref name="tree"/>, also
    /// builds the JSON tree and lets YAML errors through; without, keeps what was indexed before an error.
    /// </summary>
    private Dictionary<string, (Mark Start, Mark End)> Index(YamlTreeBuilder? tree)
    {
        var locations = new Dictionary<string, (Mark Start, Mark End)>(StringComparer.Ordinal);
        _scalars = new Dictionary<string, string>(StringComparer.Ordinal);
        _quoted = new HashSet<string>(StringComparer.Ordinal);
        _duplicateKeys = new List<(string, LocationInfo)>();
        var frames = new Stack<Frame>();
        try
        {
            var parser = Parser.CreateParser(new StringReader(_text.Substring(BomLength)));
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
                        var parent = frames.Count > 0 ? frames.Peek() : null;
                        var pointer = PointerOfNode(frames, current, locations, out var key);
                        if (pointer is null)
                        {
                            break;
                        }

                        var node = tree?.Add(current, parent, key, frames.Count);
                        if (current is MappingStart or SequenceStart)
                        {
                            frames.Push(new Frame(pointer, current is MappingStart, node));
                        }
                        else if (current is Scalar scalar)
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
        }
        catch (YamlException) when (tree is null)
        {
            // Keep what was indexed before the error; lookups fall back to the nearest ancestor.
        }

        return locations;
    }

    /// <summary>Records the node's pointer; returns null when the node is a mapping key.</summary>
    private string? PointerOfNode(Stack<Frame> frames, ParsingEvent node, Dictionary<string, (Mark Start, Mark End)> locations, out string? key)
    {
        key = null;
        if (frames.Count == 0)
        {
            locations[string.Empty] = (node.Start, node.End);
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
                // The same key twice in one mapping gives the same pointer twice.
                if (locations.ContainsKey(keyPointer))
                {
                    _duplicateKeys!.Add((keyPointer, At(node.Start, node.End)));
                }

                locations[keyPointer] = (node.Start, node.End);
                return null;
            }

            key = frame.PendingKey;
            pointer = frame.Pointer + "/" + Escape(key);
            frame.PendingKey = null;
        }
        else
        {
            pointer = frame.Pointer + "/" + frame.Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            frame.Index++;
            if (!locations.ContainsKey(pointer))
            {
                locations[pointer] = (node.Start, node.End);
            }
        }

        return pointer;
    }

    /// <summary>The parser is given the text after a byte order mark, which it would read as part of the first key.</summary>
    private int BomLength => _text.Length > 0 && _text[0] == '\uFEFF' ? 1 : 0;

    internal LocationInfo At(Mark start, Mark end)
    {
        var bom = BomLength;
        var startIndex = Math.Max(0, Math.Min(start.Index + bom, _text.Length));
        var endIndex = Math.Max(startIndex, Math.Min(end.Index + bom, _text.Length));
        if (start.Index + bom >= _text.Length)
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

    internal sealed class Frame
    {
        public Frame(string pointer, bool isMapping, JsonNode? node)
        {
            Pointer = pointer;
            IsMapping = isMapping;
            Node = node;
        }

        public string Pointer { get; }

        public bool IsMapping { get; }

        /// <summary>The JSON object or array being built for this mapping or sequence, when building.</summary>
        public JsonNode? Node { get; }

        public string? PendingKey { get; set; }

        public int Index { get; set; }
    }
}
