using Inbox.Core.Policy;

namespace Inbox.Web.Endpoints.Contracts;

/// <summary>One reply type: whether it is allowed now, until when, and why not.</summary>
public sealed record ReplyOptionDto(ReplyType Type, bool Allowed, DateTime? ExpiresAt, string? Reason, string? Note)
{
    public static ReplyOptionDto Of(ReplyOption option) => new(option.Type, option.Allowed, option.ExpiresAt, option.Reason, option.Note);
}
