using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbox.Core.Channels.Inbound;

internal sealed class InboundConfiguration : IEntityTypeConfiguration<WebhookDelivery>, IEntityTypeConfiguration<InboundEvent>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> delivery)
    {
        delivery.ToTable("WebhookDeliveries");
        delivery.HasIndex(d => new { d.State, d.Id });
        delivery.Property(d => d.ClaimedBy).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<InboundEvent> inbound)
    {
        inbound.ToTable("InboundEvents");
        inbound.HasIndex(e => new { e.ChannelId, e.EventId }).IsUnique();
        inbound.HasOne<Channel>().WithMany().HasForeignKey(e => e.ChannelId).OnDelete(DeleteBehavior.Cascade);
    }
}
