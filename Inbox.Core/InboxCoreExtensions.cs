using Inbox.Core.Channels;
using Inbox.Core.Channels.Inbound;
using Inbox.Core.Channels.Outbound;
using Inbox.Core.Contacts;
using Inbox.Core.Conversations;
using Inbox.Core.Demo;
using Inbox.Core.Events;
using Inbox.Core.Identity;
using Inbox.Core.Localization;
using Inbox.Core.Media;
using Inbox.Core.Persistence;
using Inbox.Core.Policy;
using Inbox.Core.Privacy;
using Inbox.Core.Routing;
using Inbox.Core.Replies;
using Inbox.Core.Scheduling;
using Inbox.Core.Reporting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Inbox.Core;

public static class InboxCoreExtensions
{
    private static readonly string DemoAppSecret = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>Everything the inbox's core needs: database, identity, policy, queries and demo data.</summary>
    public static IServiceCollection AddInboxCore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddPersistence(configuration, contentRoot);
        services.AddInboxIdentity();
        services.AddDomainEvents();
        services.AddCoreText();
        services.AddSingleton<ReplyPolicy>();
        services.AddSingleton<ConversationQueries>();
        services.AddSingleton<ConversationCommands>();
        services.AddSingleton<ChannelDirectory>();
        services.AddSingleton<ChannelAdmin>();
        services.AddSingleton<ChannelConfigurationSync>();
        services.AddInbound();
        services.AddOptions<ChannelOptions>().BindConfiguration(ChannelOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Channels.Meta.MetaOptions>().BindConfiguration(Channels.Meta.MetaOptions.Section).ValidateDataAnnotations().ValidateOnStart()
            .PostConfigure<IOptions<DemoOptions>>((meta, demo) =>
            {
                // Demo mode without a Meta app: the simulator still signs every webhook, with a secret no one else knows.
                if (demo.Value.Enabled && string.IsNullOrEmpty(meta.AppSecret))
                {
                    meta.AppSecret = DemoAppSecret;
                }
            });
        services.AddOptions<Channels.Line.LineOptions>().BindConfiguration(Channels.Line.LineOptions.Section);
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddScoped<DemoSeeder>();
        services.AddSingleton<Demo.Simulator.CustomerSimulator>();
        services.AddOutbound(configuration);
        services.AddInboxRouting();
        services.AddContacts();
        services.AddMedia(configuration, contentRoot);
        services.AddReplies();
        services.AddScheduling();
        services.AddReporting();
        services.AddPrivacy();
        return services;
    }
}
