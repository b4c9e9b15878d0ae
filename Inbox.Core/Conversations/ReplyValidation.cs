using Inbox.Core.Channels;
using Inbox.Core.Localization;
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
    public static Phrase? Check(ReplyRequest request, ReplyType type, ChannelKind channel)
    {
        if (request.File is { } file)
        {
            return FileCheck(request, type, channel, file);
        }

        if (type == ReplyType.Template)
        {
            if (request.Template is not { } template)
            {
                return new Phrase("A template reply needs 'template' with 'name', 'language' and 'parameters'.");
            }

            if (string.IsNullOrWhiteSpace(template.Name) || string.IsNullOrWhiteSpace(template.Language))
            {
                return new Phrase("The template needs a 'name' and a 'language' code (e.g. en_US).");
            }

            if (template.Parameters.Concat(template.Header).Concat(template.Buttons.Values).Any(string.IsNullOrWhiteSpace))
            {
                return new Phrase("Every template parameter needs a value.");
            }

            return null;
        }

        if (request.Template is not null)
        {
            return new Phrase("'template' is only for replies of type 'template'.");
        }

        if (string.IsNullOrWhiteSpace(request.Text))
        {
            return new Phrase("The reply text is empty.");
        }

        return TooLong(request.Text, channel);
    }

    /// <summary>
    /// A file goes as a free-form or human agent reply in a direct conversation; its text is optional (WhatsApp sends it as the
    /// caption, at most 1,024 characters, and voice/audio messages carry none).
    /// </summary>
    private static Phrase? FileCheck(ReplyRequest request, ReplyType type, ChannelKind channel, Media.OutgoingFile file)
    {
        if (request.Template is not null || type is not (ReplyType.FreeForm or ReplyType.HumanAgentTag))
        {
            return $"A file can only be sent as a free-form or human agent reply, not as a {ReplyTypeNames.Of(type).ToLowerInvariant()}.";
        }

        var text = request.Text?.Trim() ?? "";
        if (channel == ChannelKind.WhatsApp && text.Length > 0 && file.Kind == "audio")
        {
            return new Phrase("WhatsApp audio messages carry no caption: send the text as its own reply.");
        }

        if (channel == ChannelKind.WhatsApp && text.Length > 1024)
        {
            return new Phrase("The caption is {0} characters; WhatsApp accepts at most {1}.", text.Length, 1024);
        }

        return text.Length == 0 ? null : TooLong(text, channel);
    }

    private static Phrase? TooLong(string text, ChannelKind channel) => text.Length > MaxLength(channel)
        ? new Phrase("The reply is {0} characters; {1} accepts at most {2}.", text.Length, channel, MaxLength(channel))
        : null;
}
