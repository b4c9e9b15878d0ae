using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbox.Core.Conversations;

internal sealed class ConversationsConfiguration :
    IEntityTypeConfiguration<Contact>, IEntityTypeConfiguration<Conversation>, IEntityTypeConfiguration<Message>, IEntityTypeConfiguration<Person>,
    IEntityTypeConfiguration<ConversationActivity>
{
    public void Configure(EntityTypeBuilder<ConversationActivity> activity)
    {
        activity.HasIndex(a => new { a.ConversationId, a.At });
        activity.HasOne<Conversation>().WithMany().HasForeignKey(a => a.ConversationId).OnDelete(DeleteBehavior.Cascade);
        activity.Property(a => a.Actor).HasMaxLength(200);
        activity.Property(a => a.Detail).HasMaxLength(500);
        activity.Property(a => a.DetailPhrase).HasMaxLength(4000);
        activity.Ignore(a => a.Says);
    }

    public void Configure(EntityTypeBuilder<Person> person) => person.Property(p => p.DisplayName).HasMaxLength(200);

    public void Configure(EntityTypeBuilder<Contact> contact)
    {
        contact.HasIndex(c => new { c.ChannelId, c.ExternalId }).IsUnique();
        contact.Property(c => c.ExternalId).HasMaxLength(140);
        contact.HasIndex(c => new { c.ChannelId, c.Phone });
        contact.Property(c => c.Phone).HasMaxLength(32);
        contact.Property(c => c.ParentUserId).HasMaxLength(140);
        contact.Property(c => c.Username).HasMaxLength(100);
        contact.Property(c => c.Language).HasMaxLength(35);
        contact.Property(c => c.Name).HasMaxLength(200);
        contact.Property(c => c.AvatarFile).HasMaxLength(100);
        contact.HasOne(c => c.Person).WithMany(p => p.Contacts).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<Conversation> conversation)
    {
        conversation.HasIndex(c => new { c.Status, c.LastInboundAt });
        // By owner, with the status beside it: "open conversations per agent" (the agents table, auto-assignment's load)
        // reads the index alone instead of every assigned conversation's row.
        conversation.HasIndex(c => new { c.AssigneeId, c.Status });
        conversation.HasIndex(c => c.ContactId);
        conversation.HasIndex(c => new { c.ChannelId, c.CommentId }).IsUnique();
        conversation.HasOne(c => c.Assignee).WithMany().OnDelete(DeleteBehavior.SetNull);
        conversation.HasOne(c => c.Team).WithMany().OnDelete(DeleteBehavior.SetNull);
        conversation.HasOne(c => c.Contact).WithMany().OnDelete(DeleteBehavior.Restrict);
        conversation.Property(c => c.LastMessagePreview).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<Message> message)
    {
        // De-duplication of webhook redeliveries rests on this index (SQLite allows many NULLs).
        message.HasIndex(m => new { m.ChannelId, m.PlatformMessageId }).IsUnique();
        message.HasIndex(m => new { m.ConversationId, m.SentAt });
        message.HasIndex(m => new { m.Status, m.NextAttemptAt });

        // Added to an existing table, so the scripts need defaults; EF still writes every value itself.
        message.Property(m => m.Standby).HasDefaultValueSql("0").ValueGeneratedNever();
        message.Property(m => m.SendAttempts).HasDefaultValueSql("0").ValueGeneratedNever();
        message.HasOne(m => m.Conversation).WithMany(c => c.Messages).OnDelete(DeleteBehavior.Cascade);
        message.HasOne<Channels.Channel>().WithMany().HasForeignKey(m => m.ChannelId).OnDelete(DeleteBehavior.Restrict);
        message.Property(m => m.PlatformMessageId).HasMaxLength(256);
        message.Property(m => m.TemplateName).HasMaxLength(512);
        message.Property(m => m.TemplateLanguage).HasMaxLength(16);
        message.Property(m => m.PlatformStatus).HasMaxLength(64);
        message.Property(m => m.PricingCategory).HasMaxLength(64);
        message.Property(m => m.PricingType).HasMaxLength(64);
    }
}
