using Inbox.Core.Channels.Inbound;
using Inbox.Core.Conversations;
using Inbox.Core.Persistence;

namespace Inbox.Core.Media;

/// <summary>
/// What a customer sent beside the text, recorded in the same unit of work as their message: files queued for download,
/// posts and unsupported types kept as their reference. Nothing the webhook named is dropped.
/// </summary>
internal static class PendingDownloads
{
    private const int SourceLength = 2048;

    public static void Add(InboxDbContext db, Message message, IReadOnlyList<InboundAttachment>? attachments, DateTime now)
    {
        foreach (var file in attachments ?? [])
        {
            var attachment = new Attachment
            {
                Message = message,
                ChannelId = message.ChannelId,
                Kind = file.Kind,
                FileName = SafeName(file.FileName),
                MimeType = file.MimeType,
                Title = Cut(file.Title, 300),
                PlatformType = Cut(file.PlatformType, 64),
                CreatedAt = now,
            };
            if (file.IsReference)
            {
                // A raw reference too long to keep whole is kept cut: the agent still sees what it was.
                (attachment.Status, attachment.Source) = (AttachmentStatus.Reference, file.Source.Length == 0 ? null : Cut(file.Source, SourceLength));
            }
            else if (file.Source.Length == 0)
            {
                (attachment.Status, attachment.Failure) = (AttachmentStatus.Unavailable, "The platform sent no link to the file.");
            }
            else if (file.Source.Length > SourceLength)
            {
                (attachment.Status, attachment.Failure) = (AttachmentStatus.Unavailable, "The platform's link is too long to keep.");
            }
            else
            {
                (attachment.Status, attachment.Source) = (AttachmentStatus.Pending, file.Source);
            }

            db.Attachments.Add(attachment);
        }
    }

    /// <summary>A display name only: the file on disk never carries it. Path parts and control characters go.</summary>
    public static string? SafeName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var last = name.Replace('\\', '/').Split('/').Last();
        var clean = new string([.. last.Where(c => !char.IsControl(c))]).Trim();
        return clean.Length == 0 ? null : clean.Length > 255 ? clean[..255] : clean;
    }

    private static string? Cut(string? text, int length) => text is null || text.Length <= length ? text : text[..(length - 1)] + "…";
}
