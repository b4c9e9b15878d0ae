using Inbox.Core.Replies;

namespace Inbox.Core.Scheduling.Hangfire;

/// <summary>
/// Recurring: re-reads the WhatsApp templates of every channel with a business account id from Meta, so a template
/// Meta paused or rejected without a webhook reaching us stops being offered within a day. Running twice is harmless.
/// </summary>
public sealed class TemplateSyncJob(TemplateSync sync)
{
    public const string Id = "whatsapp-template-sync";

    /// <summary>Daily, at 03:17 UTC: off the hour, when Graph is least busy.</summary>
    public const string Cron = "17 3 * * *";

    public async Task<int> RunAsync(CancellationToken cancellationToken) => (await sync.SyncAllAsync(cancellationToken)).Count(r => r.Succeeded);
}
