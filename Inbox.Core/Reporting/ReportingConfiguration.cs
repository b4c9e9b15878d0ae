using Inbox.Core.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbox.Core.Reporting;

/// <summary>
/// The reporting facts and their indexes. SQLite has no INCLUDE columns, so each covering index lists every
/// column its dashboard query reads: the query never touches the table rows, let alone Messages.
/// </summary>
internal sealed class ReportingConfiguration :
    IEntityTypeConfiguration<ResponseFact>, IEntityTypeConfiguration<SendFact>, IEntityTypeConfiguration<CsatFact>
{
    public void Configure(EntityTypeBuilder<ResponseFact> fact)
    {
        fact.ToTable("ResponseFacts");
        fact.HasOne<Conversation>().WithMany().HasForeignKey(f => f.ConversationId).OnDelete(DeleteBehavior.Cascade);
        fact.HasIndex(f => new { f.ConversationId, f.ReceivedAt });

        // Response times, windows lost, volume and the per-agent table: a date range, then any filter.
        fact.HasIndex(f => new
        {
            f.ReceivedAt, f.ChannelId, f.TeamId, f.AgentId, f.IsFirst, f.ResponseSeconds, f.BusinessResponseSeconds,
            f.RespondedAt, f.ResponseType, f.WindowClosesAt,
        }).HasDatabaseName("IX_ResponseFacts_Range");

        // The badge estimate: one channel's counted messages, newest first.
        fact.HasIndex(f => new { f.ChannelId, f.Counted, f.ReceivedAt, f.RespondedAt, f.ResponseSeconds, f.Excluded, f.ConversationId })
            .HasDatabaseName("IX_ResponseFacts_Badge");

        // Backlog and the oldest unanswered message: turns still waiting, or that stopped waiting in a range.
        fact.HasIndex(f => new { f.EndedAt, f.ReceivedAt, f.ChannelId, f.TeamId, f.AgentId })
            .HasDatabaseName("IX_ResponseFacts_Waiting");

        // Percentiles over the roll-up: the exact seconds of one response-time bucket (RollupBuckets).
        fact.HasIndex(f => new { f.ResponseSeconds, f.ReceivedAt, f.IsFirst, f.ChannelId, f.TeamId, f.AgentId })
            .HasDatabaseName("IX_ResponseFacts_Seconds");

        // Windows lost over the roll-up: the turns whose window has not closed yet.
        fact.HasIndex(f => new { f.WindowClosesAt, f.ReceivedAt, f.ChannelId, f.TeamId, f.AgentId, f.RespondedAt, f.ResponseType })
            .HasDatabaseName("IX_ResponseFacts_Window");
    }

    public void Configure(EntityTypeBuilder<SendFact> fact)
    {
        fact.ToTable("SendFacts");
        fact.HasKey(f => f.MessageId);
        fact.Property(f => f.MessageId).ValueGeneratedNever();
        fact.Property(f => f.PricingCategory).HasMaxLength(64);
        fact.HasOne<Conversation>().WithMany().HasForeignKey(f => f.ConversationId).OnDelete(DeleteBehavior.Cascade);
        fact.HasIndex(f => new { f.ChannelId, f.SentAt, f.ReplyType, f.TemplateCategory, f.Automated, f.AgentId })
            .HasDatabaseName("IX_SendFacts_Channel");
    }

    public void Configure(EntityTypeBuilder<CsatFact> fact)
    {
        fact.ToTable("CsatFacts");
        fact.HasOne<Conversation>().WithMany().HasForeignKey(f => f.ConversationId).OnDelete(DeleteBehavior.Cascade);
        fact.HasIndex(f => new { f.SentAt, f.ChannelId, f.TeamId, f.AgentId, f.Score }).HasDatabaseName("IX_CsatFacts_Range");
    }
}
