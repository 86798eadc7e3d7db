using System;
using System.Collections.Generic;
using System.Threading;
using Clerk.Models.Generator.Read.OpenApi;
using Microsoft.OpenApi;

namespace Clerk.Models.Generator.Read.Schemas;

/// <summary>
/// The components that a set of root components needs: the roots and, transitively, every component
/// one of their schemas refers to, through properties, items, additionalProperties, allOf, oneOf,
/// anyOf and discriminator mappings, and through alias components (a <c>$ref</c> or an array).
/// </summary>
/// <remarks>
/// Walked with a queue of components and a stack of schemas, not by recursion: specs nest hundreds of
/// levels. A <c>$ref</c> is followed by its component id alone, never by asking the library for its
/// keywords, which it would resolve through the chain (and throw on a chain that loops). So it is safe
/// on any document, before <see cref="OpenApiAdapter.SetAsideBrokenAliases"/>, and cycles end because
/// each component is walked once.
/// </remarks>
internal sealed class SchemaClosure
{
    private readonly Dictionary<string, string?> _referrers;

    private SchemaClosure(Dictionary<string, string?> referrers) => _referrers = referrers;

    public int Count => _referrers.Count;

    public bool Contains(string id) => _referrers.ContainsKey(id);

    /// <summary>The component <paramref name="id"/> was first reached from; null for a root, or one not in the closure.</summary>
    public string? ReferrerOf(string id) => _referrers.TryGetValue(id, out var referrer) ? referrer : null;

    /// <param name="roots">Component ids; one that is not a component of the document is ignored.</param>
    public static SchemaClosure Of(OpenApiAdapter adapter, IEnumerable<string> roots, CancellationToken cancellationToken)
        => Of(adapter, roots, Array.Empty<(string, IOpenApiSchema)>(), cancellationToken);

    /// <param name="roots">Component ids; one that is not a component of the document is ignored.</param>
    /// <param name="inlineRoots">Schemas written outside the components (request and response bodies), with what to name as the referrer of the components they reach.</param>
    public static SchemaClosure Of(OpenApiAdapter adapter, IEnumerable<string> roots, IEnumerable<(string Referrer, IOpenApiSchema Schema)> inlineRoots, CancellationToken cancellationToken)
    {
        var components = adapter.Components;
        var referrers = new Dictionary<string, string?>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        foreach (var root in roots)
        {
            if (components.ContainsKey(root) && !referrers.ContainsKey(root))
            {
                referrers.Add(root, null);
                queue.Enqueue(root);
            }
        }

        var visited = new HashSet<IOpenApiSchema>();
        var pending = new Stack<IOpenApiSchema>();
        foreach (var (referrer, schema) in inlineRoots)
        {
            pending.Push(schema);
            Walk(adapter, referrer, pending, visited, referrers, queue);
        }

        while (queue.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var id = queue.Dequeue();

            // A component that is not a mapping ('Pet: 5') is null, and refers to nothing.
            if (components[id] is { } schema)
            {
                pending.Push(schema);
            }

            Walk(adapter, id, pending, visited, referrers, queue);
        }

        return new SchemaClosure(referrers);
    }

    /// <summary>Walks the schemas on <paramref name="pending"/>, reaching the components they refer to from <paramref name="referrer"/>.</summary>
    private static void Walk(OpenApiAdapter adapter, string referrer, Stack<IOpenApiSchema> pending, HashSet<IOpenApiSchema> visited, Dictionary<string, string?> referrers, Queue<string> queue)
    {
        void Reach(string? target)
        {
            if (target is not null && !referrers.ContainsKey(target))
            {
                referrers.Add(target, referrer);
                queue.Enqueue(target);
            }
        }

        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current is OpenApiSchemaReference reference)
            {
                // A $ref into another file is that spec's own type: nothing to generate here.
                Reach(adapter.ComponentIdOf(reference));
                continue;
            }

            if (!visited.Add(current))
            {
                continue;
            }

            Push(pending, current.Items);
            Push(pending, current.AdditionalProperties);
            foreach (var list in new[] { current.AllOf, current.OneOf, current.AnyOf })
            {
                foreach (var part in list ?? (IEnumerable<IOpenApiSchema>)Array.Empty<IOpenApiSchema>())
                {
                    Push(pending, part);
                }
            }

            foreach (var property in current.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                Push(pending, property.Value);
            }

            // Mapping values may be bare schema names, which only the adapter reads as components.
            foreach (var mapping in current.Discriminator?.Mapping ?? new Dictionary<string, OpenApiSchemaReference>())
            {
                if (mapping.Value is { } target)
                {
                    Reach(adapter.MappedComponent(target));
                }
            }
        }
    }

    private static void Push(Stack<IOpenApiSchema> pending, IOpenApiSchema? schema)
    {
        if (schema is not null)
        {
            pending.Push(schema);
        }
    }
}
