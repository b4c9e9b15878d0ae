using Inbox.Core.Channels;
using Inbox.Core.Policy;

namespace Inbox.Core.Replies;

/// <summary>What a reply costs the business (docs/platform-rules.md §6), in words the composer shows before it is sent.</summary>
public static class ReplyCost
{
    /// <summary>WhatsApp: from this day service (free-form) replies inside the window are billed too, at the utility rate.</summary>
    public static readonly DateTime WhatsAppServiceRepliesBilledFrom = new(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// The cost of sending <paramref name="type"/> on <paramref name="channel"/> at <paramref name="now"/>, or null when it is free.
    /// LINE's quota is not here: the policy's note already says whether a LINE reply is a free reply or a push.
    /// </summary>
    public static string? Of(ChannelKind channel, ReplyType type, DateTime now, TemplateCategory? category = null) => (channel, type) switch
    {
        (ChannelKind.WhatsApp, ReplyType.Template) =>
            $"Costs money: WhatsApp bills each delivered template{(category is { } c ? $" at the {c.ToString().ToLowerInvariant()} rate" : "")}.",
        (ChannelKind.WhatsApp, ReplyType.FreeForm) when now >= WhatsAppServiceRepliesBilledFrom =>
            "Costs money: WhatsApp bills service replies inside the window at the utility rate.",
        _ => null,
    };
}
