using Inbox.Core.Channels;

namespace Inbox.Core.Contacts;

/// <summary>One of a customer's identities: who they are on one channel.</summary>
/// <param name="Phone">WhatsApp: the phone number beside the BSUID, when WhatsApp shared it.</param>
/// <param name="Username">WhatsApp: the username, shown beside the name.</param>
public sealed record ContactIdentity(int ContactId, string Name, string ExternalId, string ChannelName, ChannelKind ChannelKind, string? Phone = null, string? Username = null);
