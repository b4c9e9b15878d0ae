namespace Inbox.Core.Contacts;

/// <summary>
/// Everything known about the customer behind a contact: their identities across channels (all the contacts
/// merged into the same person, or just this one) and every conversation on any of them, latest first.
/// </summary>
public sealed record ContactProfile(int ContactId, string Name, int? PersonId, IReadOnlyList<ContactIdentity> Identities, IReadOnlyList<ContactConversation> Conversations);
