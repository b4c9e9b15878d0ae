using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbox.Core.Channels;

internal sealed class ChannelConfiguration : IEntityTypeConfiguration<Channel>
{
    public void Configure(EntityTypeBuilder<Channel> channel)
    {
        channel.HasIndex(c => c.Key).IsUnique();
        channel.HasIndex(c => new { c.Kind, c.ExternalId }).IsUnique();
        channel.Property(c => c.Key).HasMaxLength(64);
        channel.Property(c => c.Name).HasMaxLength(200);
        channel.Property(c => c.ExternalId).HasMaxLength(128);
        channel.Property(c => c.FromConfiguration).HasDefaultValueSql("0").ValueGeneratedNever();
        channel.Property(c => c.ReadReceipts).HasDefaultValueSql("1").ValueGeneratedNever();
        channel.Property(c => c.LoginType).HasMaxLength(16).HasDefaultValueSql("'Facebook'").ValueGeneratedNever();
        channel.Property(c => c.DeclaredTokenHash).HasMaxLength(64);
    }
}
