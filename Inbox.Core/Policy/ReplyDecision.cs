namespace Inbox.Core.Policy;

/// <summary>What the platform allows for one conversation at one instant.</summary>
public sealed record ReplyDecision(
    WindowState State,
    DateTime? StandardClosesAt,
    DateTime? HumanAgentClosesAt,
    IReadOnlyList<ReplyOption> Options,
    ReplyType? Suggested)
{
    /// <summary>The option for a reply type, or null when that type does not apply to this conversation.</summary>
    public ReplyOption? For(ReplyType type) => Options.FirstOrDefault(o => o.Type == type);

    /// <summary>Whether a reply of this type may be sent now.</summary>
    public bool Allows(ReplyType type) => For(type)?.Allowed == true;

    /// <summary>The end of the window that currently governs replies (what the countdown counts to); null when none.</summary>
    public DateTime? Deadline => Suggested is { } type ? For(type)!.ExpiresAt : null;

    /// <summary>The governing window's short name, as the inbox shows it.</summary>
    public string WindowName => (State, Suggested) switch
    {
        (_, ReplyType.PrivateReply) => "Private reply, 7 d",
        (WindowState.Open, _) when StandardClosesAt is not null && StandardClosesAt == HumanAgentClosesAt => "7 d ad window",
        (WindowState.Open, _) => "24 h window",
        (WindowState.HumanAgent, _) => "Human agent, 7 d",
        (WindowState.TemplateOnly, _) => "Templates only",
        (WindowState.Unlimited, _) => "No window",
        _ => "Closed",
    };
}
