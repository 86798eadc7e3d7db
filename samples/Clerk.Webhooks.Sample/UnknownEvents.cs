using System.Collections.Concurrent;
using System.Collections.Generic;
using Clerk.Models.Runtime;

namespace Clerk.Webhooks.Sample;

/// <summary>
/// Events of types the spec does not list (types Clerk added after it), kept exactly as they came
/// so that they can be handled once the app knows them. In memory here; a real app stores them.
/// </summary>
public sealed class UnknownEvents
{
    private readonly ConcurrentQueue<RawJson> _events = new();

    public void Add(RawJson json) => _events.Enqueue(json);

    /// <summary>The events kept so far, oldest first.</summary>
    public IReadOnlyList<RawJson> ToList() => [.. _events];
}
