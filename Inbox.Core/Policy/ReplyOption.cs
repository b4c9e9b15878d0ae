using Inbox.Core.Localization;

namespace Inbox.Core.Policy;

/// <summary>One way of replying, and whether it is allowed at the instant the policy was asked.</summary>
/// <param name="Type">The reply type.</param>
/// <param name="Allowed">Whether the platform accepts it now.</param>
/// <param name="ExpiresAt">When it stops being allowed (UTC); null when it never expires or is not allowed.</param>
/// <param name="Why">Why it is not allowed, in words an agent can act on; null when allowed. Worded at the edge in the reader's language.</param>
/// <param name="Hint">Extra guidance when allowed, e.g. that a LINE reply will be a push that uses quota.</param>
public sealed record ReplyOption(ReplyType Type, bool Allowed, DateTime? ExpiresAt, Phrase? Why, Phrase? Hint = null)
{
    /// <summary><see cref="Why"/> in English, for logs and stored records.</summary>
    public string? Reason => Why?.ToString();

    /// <summary><see cref="Hint"/> in English, for logs and stored records.</summary>
    public string? Note => Hint?.ToString();
}
