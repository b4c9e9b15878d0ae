using Inbox.Core.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbox.Core.Conversations;

internal sealed class NotesConfiguration : IEntityTypeConfiguration<Note>
{
    public void Configure(EntityTypeBuilder<Note> note)
    {
        note.ToTable("Notes");
        note.HasIndex(n => new { n.ConversationId, n.CreatedAt });
        note.HasOne<Conversation>().WithMany().HasForeignKey(n => n.ConversationId).OnDelete(DeleteBehavior.Cascade);
        note.HasOne<Agent>().WithMany().HasForeignKey(n => n.AgentId).OnDelete(DeleteBehavior.SetNull);
        note.Property(n => n.AuthorName).HasMaxLength(200);
        note.Property(n => n.Text).HasMaxLength(ConversationNotes.MaxLength);
    }
}
