using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace Clerk.Webhooks.Sample;

/// <summary>What this app keeps of a Clerk user: the few members it shows.</summary>
public sealed record DirectoryUser(string Id, string? PrimaryEmail, string? FirstName, string? LastName, DateTimeOffset? UpdatedAt)
{
    /// <summary>Takes what the app keeps from a user as Clerk sends it.</summary>
    public static DirectoryUser From(string id, User user) => new(
        id,
        // primary_email_address_id names one of email_addresses; the others are kept by Clerk only.
        user.EmailAddresses?.FirstOrDefault(email => email.Id == user.PrimaryEmailAddressId)?.EmailAddressValue,
        user.FirstName,
        user.LastName,
        user.UpdatedAt);
}

/// <summary>
/// The app's own copy of its Clerk users, kept in step by the user.* webhooks. In memory here;
/// a real app keeps it in its database.
/// </summary>
public sealed class UserDirectory
{
    private readonly ConcurrentDictionary<string, DirectoryUser> _users = new(StringComparer.Ordinal);

    public int Count => _users.Count;

    public DirectoryUser? Find(string id) => _users.GetValueOrDefault(id);

    /// <summary>
    /// Adds the user or replaces the copy kept, unless that copy is newer: Svix does not promise to
    /// deliver events in order, and retries a failed one later.
    /// </summary>
    public void Save(DirectoryUser user) =>
        _users.AddOrUpdate(user.Id, user, (_, kept) => kept.UpdatedAt > user.UpdatedAt ? kept : user);

    /// <returns>Whether the directory had the user.</returns>
    public bool Remove(string id) => _users.TryRemove(id, out _);
}
