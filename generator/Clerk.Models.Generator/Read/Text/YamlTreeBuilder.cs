using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading;
using Clerk.Models.Generator.Model;
using Microsoft.OpenApi.YamlReader;
using SharpYaml.Events;
using SharpYaml.Serialization;

namespace Clerk.Models.Generator.Read.Text;

/// <summary>Builds the JSON tree from the parser's events, as the OpenAPI library's YAML reader would.</summary>
internal sealed class YamlTreeBuilder
{
    /// <summary>Nodes that YAML aliases may add in all: a few KB of aliases can otherwise expand to gigabytes.</summary>
    private const int MaxAliasNodes = 200_000;

    private readonly SpecLocator _locator;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, JsonNode?> _anchors = new(StringComparer.Ordinal);
    private int _aliasNodes;

    public YamlTreeBuilder(SpecLocator locator, CancellationToken cancellationToken)
    {
        _locator = locator;
        _cancellationToken = cancellationToken;
    }

    public JsonNode? Root { get; private set; }

    public JsonNode? Add(ParsingEvent node, SpecLocator.Frame? parent, string? key, int depth)
    {
        if (depth >= SpecLocator.MaxDepth)
        {
            throw new SpecTextException(_locator.At(node.Start, node.End), "The document nests deeper than " + SpecLocator.MaxDepth + " levels");
        }

        JsonNode? value = node switch
        {
            MappingStart => new JsonObject(),
            SequenceStart => new JsonArray(),
            Scalar scalar => YamlConverter.ToJsonNode(new YamlScalarNode(scalar.Value) { Style = scalar.Style }),
            AnchorAlias alias => Expand(alias, _locator.At(alias.Start, alias.End)),
            _ => null,
        };

        if (node is NodeEvent { Anchor: { Length: > 0 } anchor })
        {
            _anchors[anchor] = value;
        }

        switch (parent?.Node)
        {
            case null when parent is null:
                Root = value;
                break;
            case JsonObject mapping:
                // A duplicate key is reported by the caller; the last value stands meanwhile.
                mapping[key ?? string.Empty] = value;
                break;
            case JsonArray sequence:
                sequence.Add(value);
                break;
        }

        return value;
    }

    private JsonNode? Expand(AnchorAlias alias, LocationInfo location)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (!_anchors.TryGetValue(alias.Value, out var anchored))
        {
            throw new SpecTextException(location, "The alias '*" + alias.Value + "' names no anchor before it");
        }

        _aliasNodes += Count(anchored);
        if (_aliasNodes > MaxAliasNodes)
        {
            throw new SpecTextException(location, "Aliases expand to more than " + MaxAliasNodes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " nodes");
        }

        // A node has one parent: each use of an anchor is a copy.
        return anchored?.DeepClone();
    }

    private static int Count(JsonNode? node)
    {
        var count = 0;
        var pending = new Stack<JsonNode?>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            count++;
            if (current is JsonObject mapping)
            {
                foreach (var member in mapping)
                {
                    pending.Push(member.Value);
                }
            }
            else if (current is JsonArray sequence)
            {
                foreach (var item in sequence)
                {
                    pending.Push(item);
                }
            }
        }

        return count;
    }
}
