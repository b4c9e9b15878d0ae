using Inbox.Core.Localization;
using Inbox.Core.Policy;

namespace Inbox.Web.Endpoints.Contracts;

/// <summary>Where the conversation stands against its platform window. A window that does not apply is null.</summary>
/// <param name="Name">The governing window's short name, as the inbox shows it ("24 h window", "7 d ad window", "Templates only"…), in the request's language (<c>Accept-Language</c>).</param>
public sealed record WindowDto(WindowState State, DateTime? StandardClosesAt, DateTime? HumanAgentClosesAt, string Name)
{
    public static WindowDto Of(ReplyDecision decision, PhraseText say) => new(decision.State, decision.StandardClosesAt, decision.HumanAgentClosesAt, say[decision.Window]);
}
