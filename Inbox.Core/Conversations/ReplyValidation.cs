using Inbox.Core.Channels;
using Inbox.Core.Policy;

namespace Inbox.Core.Conversations;

/// <summary>Shape checks on a reply before the policy is asked: what any platform would reject as malformed.</summary>
public static class ReplyValidation
{
    /// <summary>The platforms' text limits: Messenger/Instagram 2,000 characters, WhatsApp 4,096, LINE 5,000.</summary>
    public static int MaxLength(ChannelKind channel) => channel switch
    {
        ChannelKind.WhatsApp => 4096,
        ChannelKind.Line => 5000,
        _ => 2000,
    };

    /// <summary>Returns why the request is malformed, or null when it is well-formed.</summary>
    public static string? Check(ReplyRequest request, ReplyType type, ChannelKind channel)
    {
        if (type == ReplyType.Template)
        {
            if (request.Template is not { } template)
            {
                return "A template reply needs 'template' with 'name', 'language' and 'parameters'.";
            }

            if (string.IsNullOrWhiteSpace(template.Name) || string.IsNullOrWhiteSpace(template.Language))
            {
                return "The template needs a 'name' and a 'language' code (e.g. en_US).";
            }

            if (template.Parameters.Concat(template.Header).Concat(template.Buttons.Values).Any(string.IsNullOrWhiteSpace))
            {
                return "Every template parameter needs a value.";
            }

            return null;
        }

        if (request.Template is not null)
        {
            return "'template' is only for replies of type 'template'.";
        }

        if (string.IsNullOrWhiteSpace(request.Text))
        {
            return "The reply text is empty.";
        }

        return request.Text.Length > MaxLength(channel)
            ? $"The reply is {request.Text.Length} characters; {channel} accepts at most {MaxLength(channel)}."
            : null;
    }
}
