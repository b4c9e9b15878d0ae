using Inbox.Core.Channels;
using Inbox.Core.Channels.Outbound;

namespace Inbox.Core.Media;

/// <summary>Why a download or profile lookup failed, classified the way sends are (docs/platform-rules.md §3).</summary>
/// <param name="Kind">Auth: the channel's token was refused (held until an admin enters a new one); Transient: try again later; Final: give up.</param>
public sealed record PlatformFetchError(SendErrorKind Kind, string Reason)
{
    /// <summary>From a platform's error answer; a missing file (404, 410) is final, whatever the body says.</summary>
    public static PlatformFetchError FromAnswer(ChannelKind kind, int status, string body)
    {
        if (status is 404 or 410)
        {
            return new(SendErrorKind.Final, $"The platform no longer has this file (HTTP {status}).");
        }

        var error = SendErrorClassifier.Classify(kind, status, body) ?? SendError.Transient($"{status}", $"HTTP {status}");
        return new(error.Kind == SendErrorKind.Auth ? SendErrorKind.Auth : status >= 500 || status == 429 || error.Kind == SendErrorKind.Transient ? SendErrorKind.Transient : SendErrorKind.Final, error.Message);
    }

    /// <summary>No answer: a timeout or a network failure.</summary>
    public static PlatformFetchError FromException(Exception exception) => new(
        SendErrorKind.Transient, exception is TaskCanceledException or TimeoutException ? "The platform did not answer in time." : $"The platform could not be reached: {exception.Message}");
}
