namespace Inbox.Core.Reporting;

/// <summary>Why a counted message is left out of the Facebook badge estimate (docs/platform-rules.md §7).</summary>
public enum BadgeExclusion
{
    /// <summary>Received while the business was closed or set to away.</summary>
    Away,

    /// <summary>The conversation was marked done without a reply.</summary>
    Done,

    /// <summary>The conversation was marked spam.</summary>
    Spam,
}
