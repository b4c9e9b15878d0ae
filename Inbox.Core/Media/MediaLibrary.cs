using Inbox.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Media;

/// <summary>Finds stored attachments and profile pictures for <c>/media</c>, which serves them to signed-in users only.</summary>
public sealed class MediaLibrary(IDbContextFactory<InboxDbContext> contexts, MediaStore store)
{
    /// <summary>The attachment's file, or null when it does not exist or is not stored (yet).</summary>
    /// <param name="sentOnly">Only a file the business sent (for a public link): a customer's file is never served without signing in.</param>
    public async Task<MediaFile?> OpenAttachmentAsync(long id, CancellationToken cancellationToken = default, bool sentOnly = false)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var attachment = await db.Attachments.AsNoTracking()
            .Where(a => a.Id == id && a.Status == AttachmentStatus.Stored)
            .Where(a => !sentOnly || a.Message!.Direction == Conversations.MessageDirection.Outbound)
            .Select(a => new { a.StoredAs, a.MimeType, a.FileName, a.Kind })
            .SingleOrDefaultAsync(cancellationToken);
        if (attachment?.MimeType is not { } mimeType || store.Open(attachment.StoredAs) is not { } content)
        {
            return null;
        }

        var inline = attachment.Kind != "file" && MediaTypes.IsInline(mimeType);
        return new MediaFile(content, mimeType, attachment.FileName ?? $"{attachment.Kind}-{id}{MediaTypes.Extension(mimeType)}", inline);
    }

    /// <summary>The contact's profile picture, or null when none is stored.</summary>
    public async Task<MediaFile?> OpenAvatarAsync(int contactId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var file = await db.Contacts.AsNoTracking().Where(c => c.Id == contactId).Select(c => c.AvatarFile).SingleOrDefaultAsync(cancellationToken);
        var mimeType = file is null ? null : MimeOf(Path.GetExtension(file));
        return mimeType is not null && store.Open(file) is { } content ? new MediaFile(content, mimeType, null, true) : null;
    }

    private static string? MimeOf(string extension) => extension switch
    {
        ".jpg" => "image/jpeg",
        ".png" => "image/png",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        _ => null,
    };
}
