using Inbox.Core.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbox.Core.Replies;

/// <summary>
/// The tables are reached with <c>db.Set&lt;T&gt;()</c>: registering the types here is enough for the model, and
/// keeps this feature out of the shared DbContext file.
/// </summary>
internal sealed class RepliesConfiguration : IEntityTypeConfiguration<MessageTemplate>, IEntityTypeConfiguration<CannedResponse>
{
    public void Configure(EntityTypeBuilder<MessageTemplate> template)
    {
        template.ToTable("MessageTemplates");
        template.HasIndex(t => new { t.ChannelId, t.Name, t.Language }).IsUnique();
        template.HasOne<Channel>().WithMany().HasForeignKey(t => t.ChannelId).OnDelete(DeleteBehavior.Cascade);
        template.Property(t => t.Name).HasMaxLength(512);
        template.Property(t => t.Language).HasMaxLength(16);
        template.Property(t => t.Body).HasMaxLength(TemplateBody.MaxLength);
        template.Property(t => t.Status).HasConversion<string>().HasMaxLength(24);
        template.Property(t => t.StatusReason).HasMaxLength(1000);
        template.Property(t => t.HeaderText).HasMaxLength(60);
    }

    public void Configure(EntityTypeBuilder<CannedResponse> response)
    {
        response.ToTable("CannedResponses");
        response.HasIndex(r => r.Shortcut).IsUnique();
        response.Property(r => r.Shortcut).HasMaxLength(32);
        response.Property(r => r.Title).HasMaxLength(200);
        response.Property(r => r.Body).HasMaxLength(CannedResponses.MaxBodyLength);
    }
}
