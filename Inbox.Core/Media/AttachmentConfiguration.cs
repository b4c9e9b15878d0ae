using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbox.Core.Media;

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> attachment)
    {
        attachment.HasIndex(a => a.MessageId);
        attachment.HasIndex(a => new { a.Status, a.NextAttemptAt });
        attachment.HasOne(a => a.Message).WithMany(m => m.Attachments).HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
        attachment.Property(a => a.Kind).HasMaxLength(32);
        attachment.Property(a => a.Source).HasMaxLength(2048);
        attachment.Property(a => a.MimeType).HasMaxLength(100);
        attachment.Property(a => a.FileName).HasMaxLength(255);
        attachment.Property(a => a.StoredAs).HasMaxLength(100);
        attachment.Property(a => a.Failure).HasMaxLength(300);
        attachment.Property(a => a.Title).HasMaxLength(300);
        attachment.Property(a => a.PlatformType).HasMaxLength(64);
    }
}
