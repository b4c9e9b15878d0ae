using Inbox.Core.Localization;
using Inbox.Core.Policy;

namespace Inbox.Web.Endpoints.Contracts;

/// <summary>One reply type: whether it is allowed now, until when, and why not.</summary>
/// <param name="Type">The stable code (<c>free_form</c>, <c>human_agent_tag</c>…), the same in every language.</param>
/// <param name="Reason">Why it is not allowed, in the request's language (<c>Accept-Language</c>: en, pt-BR, es, ru, it; English otherwise), instants in that culture's format.</param>
/// <param name="Note">Guidance when allowed, in the request's language.</param>
public sealed record ReplyOptionDto(ReplyType Type, bool Allowed, DateTime? ExpiresAt, string? Reason, string? Note)
{
    public static ReplyOptionDto Of(ReplyOption option, PhraseText say) =>
        new(option.Type, option.Allowed, option.ExpiresAt, option.Why is null ? null : say[option.Why], option.Hint is null ? null : say[option.Hint]);
}
