namespace Inbox.Core.Policy;

/// <summary>One way of replying, and whether it is allowed at the instant the policy was asked.</summary>
/// <param name="Type">The reply type.</param>
/// <param name="Allowed">Whether the platform accepts it now.</param>
/// <param name="ExpiresAt">When it stops being allowed (UTC); null when it never expires or is not allowed.</param>
/// <param name="Reason">Why it is not allowed, in words an agent can act on; null when allowed.</param>
/// <param name="Note">Extra guidance when allowed, e.g. that a LINE reply will be a push that uses quota.</param>
public sealed record ReplyOption(ReplyType Type, bool Allowed, DateTime? ExpiresAt, string? Reason, string? Note = null);
