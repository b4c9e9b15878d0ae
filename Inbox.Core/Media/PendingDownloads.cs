using Inbox.Core.Channels.Inbound;
using Inbox.Core.Conversations;
using Inbox.Core.Persistence;

namespace Inbox.Core.Media;

/// <summary>Files a customer sent, queued for download in the same unit of work as their message.</summary>
internal static class PendingDownloads
{
    public static void Add(InboxDbContext db, Message message, IReadOnlyList<InboundAttachment>? attachments, DateTime now)
    {
        foreach (var file in attachments ?? [])
        {
            db.Attachments.Add(new Attachment
            {
                Message = message,
                ChannelId = message.ChannelId,
                Kind = file.Kind,
                Source = file.Source.Length > 2048 ? null : file.Source,
                FileName = SafeName(file.FileName),
                MimeType = file.MimeType,
                Status = file.Source.Length > 2048 ? AttachmentStatus.Unavailable : AttachmentStatus.Pending,
                Failure = file.Source.Length > 2048 ? "The platform's link is too long to keep." : null,
                CreatedAt = now,
            });
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
}
