using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using SharpYaml;
using SharpYaml.Events;

namespace Clerk.Models.Generator.Tests.Robustness.Infrastructure;

/// <summary>A YAML node that a mutation can delete, copy, retype or rename.</summary>
public abstract class YamlNode
{
    public abstract YamlNode Clone();
}

/// <summary>A scalar. A plain one (a number, <c>true</c>, <c>null</c>...) keeps its type when written back.</summary>
public sealed class YamlScalar : YamlNode
{
    public YamlScalar(string value, bool plain = false)
    {
        Value = value;
        Plain = plain;
    }

    public string Value { get; set; }

    public bool Plain { get; set; }

    public override YamlNode Clone() => new YamlScalar(Value, Plain);
}

public sealed class YamlMapping : YamlNode
{
    public List<KeyValuePair<YamlNode, YamlNode>> Entries { get; } = new();

    public YamlNode? this[string key] => Entries.FirstOrDefault(e => e.Key is YamlScalar s && s.Value == key).Value;

    public override YamlNode Clone()
    {
        var copy = new YamlMapping();
        copy.Entries.AddRange(Entries.Select(e => new KeyValuePair<YamlNode, YamlNode>(e.Key.Clone(), e.Value.Clone())));
        return copy;
    }
}

public sealed class YamlSequence : YamlNode
{
    public List<YamlNode> Items { get; } = new();

    public override YamlNode Clone()
    {
        var copy = new YamlSequence();
        copy.Items.AddRange(Items.Select(i => i.Clone()));
        return copy;
    }
}

/// <summary>
/// Reads a YAML (or JSON) document into <see cref="YamlNode"/>s with SharpYaml's event parser, and
/// writes nodes back as block YAML or as JSON. Every string is written double-quoted with only
/// <c>\"</c>, <c>\\</c> and <c>\uXXXX</c> escapes, which YAML and JSON read alike.
/// </summary>
public static class YamlTree
{
    private static readonly Regex SafePlain = new("^(?:-?[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false|null)$", RegexOptions.CultureInvariant);

    /// <summary>The first document of <paramref name="text"/>; aliases are copies of their anchored node.</summary>
    public static YamlNode Parse(string text)
    {
        var parser = Parser.CreateParser(new StringReader(text));
        var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var stack = new Stack<YamlNode>();
        var pendingKeys = new Stack<YamlNode?>();
        YamlNode? root = null;
        while (parser.MoveNext())
        {
            YamlNode? completed = null;
            switch (parser.Current)
            {
                case DocumentEnd when root is not null:
                    return root;
                case Scalar scalar:
                    completed = new YamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain);
                    Anchor(scalar.Anchor, completed);
                    break;
                case AnchorAlias alias:
                    completed = anchors.TryGetValue(alias.Value, out var target) ? target.Clone() : new YamlScalar(string.Empty);
                    break;
                case MappingStart start:
                    var mapping = new YamlMapping();
                    Anchor(start.Anchor, mapping);
                    stack.Push(mapping);
                    pendingKeys.Push(null);
                    break;
                case SequenceStart start:
                    var sequence = new YamlSequence();
                    Anchor(start.Anchor, sequence);
                    stack.Push(sequence);
                    pendingKeys.Push(null);
                    break;
                case MappingEnd:
                case SequenceEnd:
                    pendingKeys.Pop();
                    completed = stack.Pop();
                    break;
            }

            if (completed is null)
            {
                continue;
            }

            if (stack.Count == 0)
            {
                root = completed;
                continue;
            }

            switch (stack.Peek())
            {
                case YamlSequence parent:
                    parent.Items.Add(completed);
                    break;
                case YamlMapping parent:
                    var key = pendingKeys.Pop();
                    if (key is null)
                    {
                        pendingKeys.Push(completed);
                    }
                    else
                    {
                        parent.Entries.Add(new KeyValuePair<YamlNode, YamlNode>(key, completed));
                        pendingKeys.Push(null);
                    }

                    break;
            }
        }

        return root ?? new YamlScalar(string.Empty);

        void Anchor(string? name, YamlNode node)
        {
            if (!string.IsNullOrEmpty(name))
            {
                anchors[name!] = node;
            }
        }
    }

    public static string ToYaml(YamlNode root)
    {
        var builder = new StringBuilder();
        WriteBlock(builder, root, 0);
        return builder.ToString();
    }

    public static string ToJson(YamlNode root)
    {
        var builder = new StringBuilder();
        WriteJson(builder, root, 0);
        builder.Append('\n');
        return builder.ToString();
    }

    /// <summary>A double-quoted scalar that YAML and JSON both read back as <paramref name="value"/>.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (c < 0x20 || c is >= '\u007F' and <= '\u00A0' or '\u2028' or '\u2029' or '\uFEFF' || char.IsSurrogate(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }

    private static string Scalar(YamlScalar scalar) => scalar switch
    {
        { Plain: true, Value: "" or "~" } => "null",
        { Plain: true } when SafePlain.IsMatch(scalar.Value) => scalar.Value,
        _ => Quote(scalar.Value),
    };

    private static string Key(YamlNode key) => key is YamlScalar scalar ? Quote(scalar.Value) : Quote(ToJson(key).Trim());

    private static void WriteBlock(StringBuilder builder, YamlNode node, int indent)
    {
        var pad = new string(' ', indent);
        switch (node)
        {
            case YamlMapping { Entries.Count: > 0 } mapping:
                foreach (var (key, value) in mapping.Entries)
                {
                    builder.Append(pad).Append(Key(key)).Append(':');
                    WriteValue(builder, value, indent + 2);
                }

                break;
            case YamlSequence { Items.Count: > 0 } sequence:
                foreach (var item in sequence.Items)
                {
                    builder.Append(pad).Append('-');
                    WriteValue(builder, item, indent + 2);
                }

                break;
            default:
                builder.Append(pad);
                WriteJson(builder, node, indent);
                builder.Append('\n');
                break;
        }
    }

    private static void WriteValue(StringBuilder builder, YamlNode value, int indent)
    {
        switch (value)
        {
            case YamlScalar scalar:
                builder.Append(' ').Append(Scalar(scalar)).Append('\n');
                break;
            case YamlMapping { Entries.Count: 0 }:
                builder.Append(" {}\n");
                break;
            case YamlSequence { Items.Count: 0 }:
                builder.Append(" []\n");
                break;
            default:
                builder.Append('\n');
                WriteBlock(builder, value, indent);
                break;
        }
    }

    private static void WriteJson(StringBuilder builder, YamlNode node, int indent)
    {
        switch (node)
        {
            case YamlScalar scalar:
                builder.Append(Scalar(scalar));
                break;
            case YamlMapping mapping:
                builder.Append('{');
                for (var i = 0; i < mapping.Entries.Count; i++)
                {
                    builder.Append(i == 0 ? "\n" : ",\n").Append(' ', indent + 2).Append(Key(mapping.Entries[i].Key)).Append(": ");
                    WriteJson(builder, mapping.Entries[i].Value, indent + 2);
                }

                builder.Append(mapping.Entries.Count == 0 ? "}" : "\n" + new string(' ', indent) + "}");
                break;
            case YamlSequence sequence:
                builder.Append('[');
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    builder.Append(i == 0 ? string.Empty : ", ");
                    WriteJson(builder, sequence.Items[i], indent + 2);
                }

                builder.Append(']');
                break;
        }
    }
}
