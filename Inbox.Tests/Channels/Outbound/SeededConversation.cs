namespace Inbox.Tests.Channels.Outbound;

/// <summary>A stored conversation: its id and the customer's platform id (the recipient of replies).</summary>
public sealed record SeededConversation(int Id, string Recipient);
