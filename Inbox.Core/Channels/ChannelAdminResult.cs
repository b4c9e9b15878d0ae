using Inbox.Core.Localization;

namespace Inbox.Core.Channels;

/// <summary>The outcome of a change in the channel editor, with the reason and the offending field when refused.</summary>
/// <param name="Problem">Why it was refused, worded at the edge in the reader's language.</param>
public sealed record ChannelAdminResult(ChannelAdminStatus Status, Phrase? Problem = null, string? Field = null, int? ChannelId = null)
{
    public bool Succeeded => Status == ChannelAdminStatus.Done;

    /// <summary><see cref="Problem"/> in English, for logs and tests.</summary>
    public string? Error => Problem?.ToString();

    public static ChannelAdminResult Done(int channelId) => new(ChannelAdminStatus.Done, ChannelId: channelId);

    /// <summary>Refused; <paramref name="field"/> names the <see cref="ChannelDraft"/> property at fault, if one is.</summary>
    public static ChannelAdminResult Invalid(Phrase why, string? field = null) => new(ChannelAdminStatus.Invalid, why, field);

    public static ChannelAdminResult NotFound(int channelId) => new(ChannelAdminStatus.NotFound, new Phrase("Channel {0} does not exist.", channelId));
}
