namespace Inbox.Core.Contacts;

/// <summary>
/// Everything known about the customer behind a contact: their identities across channels (all the contacts
/// merged into the same person, or just this one) and every conversation on any of them, latest first.
/// </summary>
/// <param name="Language">The language the customer is written to in (a tag like <c>pt-BR</c>); null when unknown.</param>
public sealed record ContactProfile(
    int ContactId, string Name, int? PersonId, IReadOnlyList<ContactIdentity> Identities, IReadOnlyList<ContactConversation> Conversations, string? Language = null);
