using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Clerk.Models.Generator.Tests.Robustness.Infrastructure;

/// <summary>
/// Deterministic mutations of a spec: at the YAML node level (delete, duplicate, retype, rename,
/// retarget a $ref, insert a random string, set a schema keyword, graft a subtree) and, less
/// often, at the line level (which breaks the syntax itself). The same seed gives the same spec.
/// </summary>
public sealed class SpecMutator
{
    private static readonly string[] Keywords =
    {
        "type", "properties", "items", "allOf", "oneOf", "anyOf", "$ref", "enum", "required", "nullable",
        "additionalProperties", "format", "pattern", "discriminator", "description", "deprecated", "default",
        "example", "const", "not", "title", "readOnly", "minimum", "components", "schemas", "definitions",
        "openapi", "swagger", "info", "paths", "x-nullable", "$id", "propertyName", "mapping",
    };

    private static readonly string[] Types = { "string", "integer", "number", "boolean", "object", "array", "null", "strnig", "" };

    private static readonly string[] Formats = { "int32", "int64", "float", "double", "decimal", "date-time", "byte", "uuid", "int", "" };

    private static readonly string[] Fragments =
    {
        "*/", "/*", "///", "//", "#if X", "#pragma warning disable", "</summary>", "<!--", "\"", "'", "\\", "\n", "\r", "\t",
        "\u2028", "\u2029", "\u0085", "\uFEFF", "\u0000", "é", "名前", "😀", "K", "İ", "{", "}", "[", "]", ":", ",", "&a", "*a", "!tag",
        "#", "?", "|", ">", "-", "~", "%", "@", "`", " ", "class", "null", "true", "1e400", "-0", "0x1F", "$ref", "{0}",
    };

    private readonly Random _random;
    private readonly List<string> _log = new();

    public SpecMutator(int seed) => _random = new Random(seed);

    /// <summary>What was done, for the failure message.</summary>
    public IReadOnlyList<string> Log => _log;

    /// <summary>Applies one to three node mutations; most land under the component schemas, where the generator looks.</summary>
    public void MutateTree(YamlNode root, IReadOnlyList<string> componentRefs)
    {
        var count = _random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            var slots = Slots(root);
            var schemaSlots = slots.Where(s => s.Path.Contains("/schemas/", StringComparison.Ordinal) || s.Path.Contains("/definitions/", StringComparison.Ordinal)).ToList();
            var pool = schemaSlots.Count > 0 && _random.NextDouble() < 0.8 ? schemaSlots : slots;
            if (pool.Count == 0)
            {
                return;
            }

            Apply(pool[_random.Next(pool.Count)], slots, componentRefs);
        }
    }

    /// <summary>Breaks the text itself: lines deleted, moved, re-indented, cut short, or characters inserted.</summary>
    public string MutateText(string text)
    {
        var lines = text.Split('\n').ToList();
        var count = _random.Next(1, 3);
        for (var i = 0; i < count && lines.Count > 0; i++)
        {
            var at = _random.Next(lines.Count);
            switch (_random.Next(8))
            {
                case 0:
                    _log.Add($"delete line {at + 1}");
                    lines.RemoveAt(at);
                    break;
                case 1:
                    _log.Add($"duplicate line {at + 1}");
                    lines.Insert(at, lines[at]);
                    break;
                case 2 when at + 1 < lines.Count:
                    _log.Add($"swap lines {at + 1} and {at + 2}");
                    (lines[at], lines[at + 1]) = (lines[at + 1], lines[at]);
                    break;
                case 3:
                    var shift = _random.Next(1, 4);
                    _log.Add($"indent line {at + 1} by {shift}");
                    lines[at] = new string(' ', shift) + lines[at];
                    break;
                case 4 when lines[at].StartsWith(" ", StringComparison.Ordinal):
                    _log.Add($"dedent line {at + 1}");
                    lines[at] = lines[at].Substring(1);
                    break;
                case 5:
                    _log.Add($"cut the text after line {at + 1}, mid-line");
                    lines[at] = lines[at].Substring(0, _random.Next(lines[at].Length + 1));
                    lines.RemoveRange(at + 1, lines.Count - at - 1);
                    break;
                case 6:
                    var column = _random.Next(lines[at].Length + 1);
                    var inserted = RandomString();
                    _log.Add($"insert {Show(inserted)} at line {at + 1}, column {column + 1}");
                    lines[at] = lines[at].Insert(column, inserted);
                    break;
                default:
                    _log.Add($"replace ':' on line {at + 1}");
                    lines[at] = lines[at].Replace(":", _random.Next(2) == 0 ? " " : "::");
                    break;
            }
        }

        return string.Join("\n", lines);
    }

    private void Apply(Slot slot, List<Slot> allSlots, IReadOnlyList<string> componentRefs)
    {
        switch (_random.Next(10))
        {
            case 0:
                _log.Add($"delete {slot.Path}");
                slot.Remove();
                break;
            case 1:
                _log.Add($"duplicate {slot.Path}");
                slot.Duplicate(_random.Next(2) == 0 ? null : RandomKey());
                break;
            case 2:
                var replacement = RandomValue(componentRefs);
                _log.Add($"retype {slot.Path} as {Describe(replacement)}");
                slot.Set(replacement);
                break;
            case 3 when slot.Key is YamlScalar key:
                var name = RandomKey();
                _log.Add($"rename {slot.Path} to {Show(name)}");
                key.Value = name;
                break;
            case 4:
                var target = RandomRef(componentRefs);
                var refSlots = allSlots.Where(s => s.Key is YamlScalar { Value: "$ref" }).ToList();
                var chosen = refSlots.Count > 0 ? refSlots[_random.Next(refSlots.Count)] : slot;
                _log.Add($"retarget {chosen.Path} to {Show(target)}");
                chosen.Set(new YamlScalar(target));
                break;
            case 5 when slot.Value is YamlScalar scalar:
                var text = RandomString();
                var position = _random.Next(scalar.Value.Length + 1);
                _log.Add($"insert {Show(text)} into {slot.Path} at {position}");
                scalar.Value = scalar.Value.Insert(position, text);
                scalar.Plain = false;
                break;
            case 6 or 7 when slot.Value is YamlMapping mapping:
                var keyword = Keywords[_random.Next(Keywords.Length)];
                var value = KeywordValue(keyword, mapping, componentRefs);
                _log.Add($"set {slot.Path}/{keyword} to {Describe(value)}");
                var existing = mapping.Entries.FindIndex(e => e.Key is YamlScalar s && s.Value == keyword);
                if (existing >= 0)
                {
                    mapping.Entries[existing] = new KeyValuePair<YamlNode, YamlNode>(mapping.Entries[existing].Key, value);
                }
                else
                {
                    mapping.Entries.Insert(_random.Next(mapping.Entries.Count + 1), new KeyValuePair<YamlNode, YamlNode>(new YamlScalar(keyword), value));
                }

                break;
            case 8:
                var donor = allSlots[_random.Next(allSlots.Count)];
                _log.Add($"graft {donor.Path} onto {slot.Path}");
                slot.Set(donor.Value.Clone());
                break;
            default:
                var other = allSlots[_random.Next(allSlots.Count)];
                if (ReferenceEquals(other.Value, slot.Value) || Contains(other.Value, slot.Value) || Contains(slot.Value, other.Value))
                {
                    goto case 2;
                }

                _log.Add($"swap {slot.Path} and {other.Path}");
                var mine = slot.Value;
                slot.Set(other.Value);
                other.Set(mine);
                break;
        }
    }

    private YamlNode KeywordValue(string keyword, YamlMapping schema, IReadOnlyList<string> componentRefs)
    {
        var propertyNames = (schema["properties"] as YamlMapping)?.Entries.Select(e => e.Key).OfType<YamlScalar>().Select(s => s.Value).ToList() ?? new List<string>();
        switch (keyword)
        {
            case "type":
                return _random.Next(5) == 0
                    ? Sequence(new YamlScalar(Pick(Types)), new YamlScalar("null"))
                    : new YamlScalar(Pick(Types), plain: true);
            case "format":
                return new YamlScalar(Pick(Formats));
            case "nullable" or "deprecated" or "readOnly" or "additionalProperties" or "x-nullable":
                return _random.Next(4) == 0 ? RandomValue(componentRefs) : new YamlScalar(_random.Next(2) == 0 ? "true" : "false", plain: true);
            case "required":
                return propertyNames.Count > 0 && _random.Next(3) > 0
                    ? Sequence(propertyNames.Where(_ => _random.Next(2) == 0).Append(RandomKey()).Select(n => (YamlNode)new YamlScalar(n)).ToArray())
                    : RandomValue(componentRefs);
            case "enum":
                return Sequence(Enumerable.Range(0, _random.Next(0, 5)).Select(_ => _random.Next(4) == 0 ? RandomValue(componentRefs) : new YamlScalar(RandomString())).ToArray());
            case "items" or "not":
                return RandomSchema(componentRefs);
            case "allOf" or "oneOf" or "anyOf":
                return Sequence(Enumerable.Range(0, _random.Next(0, 4)).Select(_ => RandomSchema(componentRefs)).ToArray());
            case "properties":
                var properties = new YamlMapping();
                for (var i = _random.Next(0, 4); i > 0; i--)
                {
                    properties.Entries.Add(new KeyValuePair<YamlNode, YamlNode>(new YamlScalar(RandomKey()), RandomSchema(componentRefs)));
                }

                return properties;
            case "$ref":
                return new YamlScalar(RandomRef(componentRefs));
            case "discriminator":
                var discriminator = new YamlMapping();
                discriminator.Entries.Add(new KeyValuePair<YamlNode, YamlNode>(new YamlScalar("propertyName"), new YamlScalar(propertyNames.Count > 0 ? Pick(propertyNames.ToArray()) : RandomKey())));
                return discriminator;
            case "pattern":
                return new YamlScalar(Pick(new[] { "^[a-z]+$", "(", "[", "^a|b$", "\\", "^(?<n>x)\\k<n>$", "(?i)^A", RandomString() }));
            default:
                return RandomValue(componentRefs);
        }
    }

    private YamlNode RandomSchema(IReadOnlyList<string> componentRefs)
    {
        var schema = new YamlMapping();
        if (_random.Next(2) == 0 && componentRefs.Count > 0)
        {
            schema.Entries.Add(new KeyValuePair<YamlNode, YamlNode>(new YamlScalar("$ref"), new YamlScalar(RandomRef(componentRefs))));
            return schema;
        }

        schema.Entries.Add(new KeyValuePair<YamlNode, YamlNode>(new YamlScalar("type"), new YamlScalar(Pick(Types), plain: true)));
        if (_random.Next(3) == 0)
        {
            schema.Entries.Add(new KeyValuePair<YamlNode, YamlNode>(new YamlScalar("properties"), KeywordValue("properties", schema, componentRefs)));
        }

        return schema;
    }

    private YamlNode RandomValue(IReadOnlyList<string> componentRefs) => _random.Next(9) switch
    {
        0 => new YamlScalar(RandomString()),
        1 => new YamlScalar(_random.Next(-5, 1000).ToString(System.Globalization.CultureInfo.InvariantCulture), plain: true),
        2 => new YamlScalar(_random.Next(2) == 0 ? "true" : "false", plain: true),
        3 => new YamlScalar("null", plain: true),
        4 => new YamlMapping(),
        5 => new YamlSequence(),
        6 => Sequence(new YamlScalar(RandomString())),
        7 => RandomSchema(componentRefs),
        _ => new YamlScalar(string.Empty),
    };

    private string RandomRef(IReadOnlyList<string> componentRefs) => _random.Next(8) switch
    {
        0 or 1 or 2 when componentRefs.Count > 0 => componentRefs[_random.Next(componentRefs.Count)],
        3 => "#/components/schemas/" + RandomKey(),
        4 => Pick(new[] { "", "#", "#/", "#/components/schemas/", "#/paths", "#/definitions/Pet", "#/components/schemas/a~1b" }),
        5 => Pick(new[] { "other.yaml#/components/schemas/Pet", "http://192.0.2.1/x.yaml#/Pet", "file:///etc/passwd", "./pets.json" }),
        6 when componentRefs.Count > 0 => componentRefs[_random.Next(componentRefs.Count)] + "/properties/" + RandomKey(),
        _ => RandomString(),
    };

    private string RandomKey() => _random.Next(3) switch
    {
        0 => Keywords[_random.Next(Keywords.Length)],
        1 => RandomString(),
        _ => Pick(new[] { "id", "Id", "ID", "name", "type", "value", "Value", "class", "JsonConverter", "AdditionalProperties", "_", "1st", string.Empty }),
    };

    private string RandomString()
    {
        var builder = new StringBuilder();
        for (var i = _random.Next(0, 4); i >= 0; i--)
        {
            builder.Append(_random.Next(3) == 0 ? Pick(Fragments) : ((char)_random.Next('a', 'z' + 1)).ToString());
        }

        return builder.ToString();
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private static YamlSequence Sequence(params YamlNode[] items)
    {
        var sequence = new YamlSequence();
        sequence.Items.AddRange(items);
        return sequence;
    }

    private static bool Contains(YamlNode outer, YamlNode inner)
        => ReferenceEquals(outer, inner)
           || outer switch
           {
               YamlMapping mapping => mapping.Entries.Any(e => Contains(e.Key, inner) || Contains(e.Value, inner)),
               YamlSequence sequence => sequence.Items.Any(i => Contains(i, inner)),
               _ => false,
           };

    private static string Show(string text) => YamlTree.Quote(text);

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalar scalar => Show(scalar.Value) + (scalar.Plain ? " (plain)" : string.Empty),
        _ => YamlTree.ToJson(node).Replace("\n", " ").Trim(),
    };

    /// <summary>Every place in the tree that holds a node: a mapping entry or a sequence item.</summary>
    private static List<Slot> Slots(YamlNode root)
    {
        var slots = new List<Slot>();
        Walk(root, string.Empty);
        return slots;

        void Walk(YamlNode node, string path)
        {
            switch (node)
            {
                case YamlMapping mapping:
                    for (var i = 0; i < mapping.Entries.Count; i++)
                    {
                        var childPath = path + "/" + (mapping.Entries[i].Key is YamlScalar s ? s.Value : "?");
                        slots.Add(new Slot(mapping, i, childPath));
                        Walk(mapping.Entries[i].Value, childPath);
                    }

                    break;
                case YamlSequence sequence:
                    for (var i = 0; i < sequence.Items.Count; i++)
                    {
                        var childPath = path + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        slots.Add(new Slot(sequence, i, childPath));
                        Walk(sequence.Items[i], childPath);
                    }

                    break;
            }
        }
    }

    /// <summary>A mapping entry or a sequence item, by position in its container.</summary>
    private sealed class Slot
    {
        private readonly YamlNode _container;
        private readonly int _index;

        public Slot(YamlNode container, int index, string path)
        {
            _container = container;
            _index = index;
            Path = path;
        }

        public string Path { get; }

        public YamlNode? Key => _container is YamlMapping mapping && _index < mapping.Entries.Count ? mapping.Entries[_index].Key : null;

        public YamlNode Value => _container switch
        {
            YamlMapping mapping when _index < mapping.Entries.Count => mapping.Entries[_index].Value,
            YamlSequence sequence when _index < sequence.Items.Count => sequence.Items[_index],
            _ => new YamlScalar(string.Empty),
        };

        public void Set(YamlNode value)
        {
            if (_container is YamlMapping mapping && _index < mapping.Entries.Count)
            {
                mapping.Entries[_index] = new KeyValuePair<YamlNode, YamlNode>(mapping.Entries[_index].Key, value);
            }
            else if (_container is YamlSequence sequence && _index < sequence.Items.Count)
            {
                sequence.Items[_index] = value;
            }
        }

        public void Remove()
        {
            if (_container is YamlMapping mapping && _index < mapping.Entries.Count)
            {
                mapping.Entries.RemoveAt(_index);
            }
            else if (_container is YamlSequence sequence && _index < sequence.Items.Count)
            {
                sequence.Items.RemoveAt(_index);
            }
        }

        /// <summary>Copies the entry beside itself, under <paramref name="newKey"/> or (for a mapping) under the same key.</summary>
        public void Duplicate(string? newKey)
        {
            if (_container is YamlMapping mapping && _index < mapping.Entries.Count)
            {
                var entry = mapping.Entries[_index];
                mapping.Entries.Insert(_index + 1, new KeyValuePair<YamlNode, YamlNode>(newKey is null ? entry.Key.Clone() : new YamlScalar(newKey), entry.Value.Clone()));
            }
            else if (_container is YamlSequence sequence && _index < sequence.Items.Count)
            {
                sequence.Items.Insert(_index + 1, sequence.Items[_index].Clone());
            }
        }
    }
}
