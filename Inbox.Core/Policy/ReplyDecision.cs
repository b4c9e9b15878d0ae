using Inbox.Core.Localization;

namespace Inbox.Core.Policy;

/// <summary>What the platform allows for one conversation at one instant.</summary>
/// <param name="Window">The governing window's short name, as the inbox shows it ("24 h window", "7 d ad window"…), named by the policy and worded at the edge.</param>
public sealed record ReplyDecision(
    WindowState State,
    DateTime? StandardClosesAt,
    DateTime? HumanAgentClosesAt,
    IReadOnlyList<ReplyOption> Options,
    ReplyType? Suggested,
    Phrase Window)
{
    /// <summary><see cref="Window"/> in English.</summary>
    public string WindowName => Window.ToString();

    /// <summary>The option for a reply type, or null when that type does not apply to this conversation.</summary>
    public ReplyOption? For(ReplyType type) => Options.FirstOrDefault(o => o.Type == type);

    /// <summary>Whether a reply of this type may be sent now.</summary>
    public bool Allows(ReplyType type) => For(type)?.Allowed == true;

    /// <summary>The end of the window that currently governs replies (what the countdown counts to); null when none.</summary>
    public DateTime? Deadline => Suggested is { } type ? For(type)!.ExpiresAt : null;
}
