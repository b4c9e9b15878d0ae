using Inbox.Core.Localization;

namespace Inbox.Core.Channels;

/// <summary>Per-platform facts an admin needs when connecting a channel.</summary>
public static class ChannelSetup
{
    /// <summary>
    /// The webhook path to paste into the platform's console. Meta has one subscription per app, routed by
    /// page/account/number id; LINE has one webhook per channel, so its key is in the path.
    /// </summary>
    public static string WebhookPath(ChannelKind kind, string key) =>
        kind == ChannelKind.Line ? $"/webhooks/line/{key}" : "/webhooks/meta";

    /// <summary>Only Messenger and Instagram Direct have the HUMAN_AGENT tag.</summary>
    public static bool UsesHumanAgentTag(ChannelKind kind) => kind is ChannelKind.Messenger or ChannelKind.Instagram;

    /// <summary>What the platform calls the id that routes its webhooks to a channel.</summary>
    public static Phrase ExternalIdLabel(ChannelKind kind) => kind switch
    {
        ChannelKind.Messenger => new Phrase("Page id"),
        ChannelKind.Instagram => new Phrase("Instagram account id"),
        ChannelKind.WhatsApp => new Phrase("WhatsApp phone_number_id"),
        _ => new Phrase("LINE bot user id"),
    };

    /// <summary>Only Instagram channels can use Instagram Login; every other channel is reached through Facebook's Graph.</summary>
    public static bool UsesInstagramLogin(ChannelKind kind, LoginType loginType) => kind == ChannelKind.Instagram && loginType == LoginType.Instagram;
}
