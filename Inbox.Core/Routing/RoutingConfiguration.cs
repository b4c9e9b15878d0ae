using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbox.Core.Routing;

internal sealed class RoutingConfiguration : IEntityTypeConfiguration<Agent>, IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Agent> agent)
    {
        agent.HasIndex(a => a.Email).IsUnique();
        agent.HasIndex(a => a.UserId).IsUnique();
        agent.Property(a => a.Name).HasMaxLength(200);
        agent.Property(a => a.Email).HasMaxLength(256);
        agent.HasOne(a => a.Team).WithMany(t => t.Agents).OnDelete(DeleteBehavior.SetNull);

        // Added to an existing table (0005), so the script needs a default; EF still writes every value itself.
        agent.Property(a => a.Away).HasDefaultValueSql("0").ValueGeneratedNever();
    }

    public void Configure(EntityTypeBuilder<Team> team)
    {
        team.HasIndex(t => t.Name).IsUnique();
        team.Property(t => t.Name).HasMaxLength(200);
        team.Property(t => t.AutoAssignMode).HasDefaultValueSql("'Off'").ValueGeneratedNever();

        // Plain id, no foreign key: an agent who leaves just makes round-robin start from the top.
        team.Property(t => t.LastAssignedAgentId);
    }
}
