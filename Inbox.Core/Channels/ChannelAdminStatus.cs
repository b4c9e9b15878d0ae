namespace Inbox.Core.Channels;

/// <summary>How a change made in the channel editor ended.</summary>
public enum ChannelAdminStatus
{
    Done,

    /// <summary>Refused: the input breaks a rule, or the channel may not be changed here. Nothing was stored.</summary>
    Invalid,

    NotFound,
}
