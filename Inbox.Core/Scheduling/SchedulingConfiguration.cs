using Inbox.Core.Localization;
using Inbox.Core.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbox.Core.Scheduling;

internal sealed class SchedulingConfiguration :
    IEntityTypeConfiguration<BusinessHours>, IEntityTypeConfiguration<ScheduledAutomation>, IEntityTypeConfiguration<AutomationSettings>
{
    public void Configure(EntityTypeBuilder<BusinessHours> hours)
    {
        // SQLite lets many rows hold a NULL team: the one global default is kept single by BusinessHoursAdmin.
        hours.HasIndex(h => h.TeamId).IsUnique();
        hours.HasOne<Team>().WithMany().HasForeignKey(h => h.TeamId).OnDelete(DeleteBehavior.Cascade);
        hours.Property(h => h.TimeZone).HasMaxLength(100);
        hours.Property(h => h.AwayMessage).HasMaxLength(1000);
        hours.Property(h => h.AwayMessages).AsTranslations();
    }

    public void Configure(EntityTypeBuilder<ScheduledAutomation> automation)
    {
        automation.ToTable("ScheduledAutomations");
        automation.HasIndex(a => new { a.ConversationId, a.Kind }).IsUnique();
        automation.HasIndex(a => new { a.State, a.DueAt });
        automation.HasOne(a => a.Conversation).WithMany().HasForeignKey(a => a.ConversationId).OnDelete(DeleteBehavior.Cascade);
        automation.Property(a => a.Outcome).HasMaxLength(500);
    }

    public void Configure(EntityTypeBuilder<AutomationSettings> settings)
    {
        settings.Property(s => s.Id).ValueGeneratedNever();
        settings.Property(s => s.PendingFollowUpText).HasMaxLength(1000);
        settings.Property(s => s.PendingFollowUpTexts).AsTranslations();
        settings.Property(s => s.CsatQuestions).AsTranslations();
    }
}
