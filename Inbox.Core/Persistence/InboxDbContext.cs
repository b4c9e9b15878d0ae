using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Identity;
using Inbox.Core.Routing;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Core.Persistence;

/// <summary>The inbox's one database: domain tables and ASP.NET Core Identity. Create one per operation through the factory.</summary>
public class InboxDbContext(DbContextOptions<InboxDbContext> options) : IdentityDbContext<InboxUser>(options)
{
    public DbSet<Channel> Channels => Set<Channel>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<Message> Messages => Set<Message>();

    public DbSet<Media.Attachment> Attachments => Set<Media.Attachment>();

    public DbSet<ConversationActivity> Activities => Set<ConversationActivity>();

    public DbSet<Agent> Agents => Set<Agent>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<Channels.Inbound.WebhookDelivery> WebhookDeliveries => Set<Channels.Inbound.WebhookDelivery>();

    public DbSet<Channels.Inbound.InboundEvent> InboundEvents => Set<Channels.Inbound.InboundEvent>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(InboxDbContext).Assembly);
        if (Database.IsNpgsql())
        {
            PostgresModel.Adjust(builder);
        }
    }
}
