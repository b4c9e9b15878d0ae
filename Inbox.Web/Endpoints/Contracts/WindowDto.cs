using Inbox.Core.Policy;

namespace Inbox.Web.Endpoints.Contracts;

/// <summary>Where the conversation stands against its platform window. A window that does not apply is null.</summary>
public sealed record WindowDto(WindowState State, DateTime? StandardClosesAt, DateTime? HumanAgentClosesAt)
{
    public static WindowDto Of(ReplyDecision decision) => new(decision.State, decision.StandardClosesAt, decision.HumanAgentClosesAt);
}
