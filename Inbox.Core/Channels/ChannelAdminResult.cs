namespace Inbox.Core.Channels;

/// <summary>The outcome of a change in the channel editor, with the reason and the offending field when refused.</summary>
public sealed record ChannelAdminResult(ChannelAdminStatus Status, string? Error = null, string? Field = null, int? ChannelId = null)
{
    public bool Succeeded => Status == ChannelAdminStatus.Done;

    public static ChannelAdminResult Done(int channelId) => new(ChannelAdminStatus.Done, ChannelId: channelId);

    /// <summary>Refused; <paramref name="field"/> names the <see cref="ChannelDraft"/> property at fault, if one is.</summary>
    public static ChannelAdminResult Invalid(string why, string? field = null) => new(ChannelAdminStatus.Invalid, why, field);

    public static ChannelAdminResult NotFound(int channelId) => new(ChannelAdminStatus.NotFound, $"Channel {channelId} does not exist.");
}
