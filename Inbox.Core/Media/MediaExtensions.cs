using Inbox.Core.Contacts.Profiles;
using Inbox.Core.Events;
using Inbox.Core.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inbox.Core.Media;

/// <summary>Registration of the media feature: customers' files and profile pictures.</summary>
public static class MediaExtensions
{
    /// <summary>The media folder, downloads and profile lookups, and their background worker.</summary>
    public static IServiceCollection AddMedia(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<MediaOptions>().Bind(configuration.GetSection(MediaOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PublicLinkOptions>().Bind(configuration.GetSection(PublicLinkOptions.Section))
            .Validate(o => o.IsValid(), "Inbox:PublicBaseUrl must be empty or an absolute https:// address.").ValidateOnStart();
        var dataFolder = PersistenceExtensions.DataFolder(configuration, contentRoot);
        services.AddSingleton(sp => new MediaStore(FolderFor(dataFolder, sp.GetRequiredService<IOptions<MediaOptions>>().Value, contentRoot)));
        services.AddHttpClient(MediaDownloader.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<MediaDownloader>();
        services.AddSingleton<MediaFetcher>();
        services.AddSingleton<MediaLibrary>();
        services.AddSingleton<PublicMediaLinks>();
        services.AddSingleton<AttachmentReplies>();
        services.AddSingleton<ProfileLookup>();
        services.AddSingleton<ProfileRefresher>();
        services.AddSingleton<MediaSignal>();
        services.AddSingleton<WakeMediaWorker>();
        services.AddSingleton<IDomainEventHandler<MessageReceived>>(sp => sp.GetRequiredService<WakeMediaWorker>());
        services.AddSingleton<IDomainEventHandler<ChannelReauthorised>>(sp => sp.GetRequiredService<WakeMediaWorker>());
        services.AddHostedService<MediaWorker>();
        return services;
    }

    /// <summary><see cref="MediaOptions.Path"/>, or <c>media/</c> beside the database file (the content root's for an in-memory database).</summary>
    public static string FolderFor(string? dataFolder, MediaOptions options, string contentRoot)
    {
        var baseFolder = dataFolder ?? Path.Combine(contentRoot, "data");
        return string.IsNullOrWhiteSpace(options.Path) ? Path.Combine(baseFolder, "media") : Path.GetFullPath(options.Path, baseFolder);
    }
}
