using Inbox.Core.Channels.Outbound;
using Inbox.Core.Contacts.Profiles;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Core.Media;

/// <summary>
/// Runs downloads and profile lookups in the background: when a customer message arrives, when a channel gets a new
/// token, and every <see cref="MediaOptions.PollInterval"/> (back-off, weekly refreshes). Off the webhook's path, so a
/// slow platform never delays the acknowledgement or the message.
/// </summary>
public sealed class MediaWorker(
    MediaFetcher fetcher, ProfileRefresher profiles, MediaSignal signal, IOptions<MediaOptions> options, TimeProvider time, ILogger<MediaWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await fetcher.FetchDueAsync(stoppingToken);
                await profiles.RefreshDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Downloading media or profiles failed; trying again at the next poll");
            }

            await signal.Signal.WaitAsync(options.Value.PollInterval, time, stoppingToken);
        }
    }
}
