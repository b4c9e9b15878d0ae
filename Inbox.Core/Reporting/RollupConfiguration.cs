using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbox.Core.Reporting;

/// <summary>The roll-up table: its key is every dimension, in the order the range reports read it (grain, then day).</summary>
internal sealed class RollupConfiguration : IEntityTypeConfiguration<ResponseRollup>
{
    public void Configure(EntityTypeBuilder<ResponseRollup> rollup)
    {
        rollup.ToTable("ResponseRollups");
        rollup.HasKey(r => new { r.IsMonth, r.Start, r.ChannelId, r.TeamId, r.AgentId, r.IsFirst, r.Bucket });
    }
}
