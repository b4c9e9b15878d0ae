using System.Globalization;
using Quartz;

namespace Inbox.Core.Scheduling.Quartz;

/// <summary>
/// The one Quartz job: thin. Its key names the automation (<c>WindowReminder-42</c>); it hands the firing to
/// <see cref="AutomationRunner"/>, which claims the automation and re-checks the facts before anything is sent.
/// </summary>
public sealed class AutomationJob(AutomationRunner runner) : IJob
{
    public const string Group = "automations";

    public static JobKey KeyFor(AutomationKind kind, int conversationId) =>
        new($"{kind}-{conversationId.ToString(CultureInfo.InvariantCulture)}", Group);

    public async Task Execute(IJobExecutionContext context)
    {
        var name = context.JobDetail.Key.Name;
        var dash = name.LastIndexOf('-');
        if (dash < 0 || !Enum.TryParse<AutomationKind>(name[..dash], out var kind)
            || !int.TryParse(name[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var conversationId))
        {
            return;
        }

        var scheduledFor = (context.ScheduledFireTimeUtc ?? context.FireTimeUtc).UtcDateTime;
        await runner.RunAsync(kind, conversationId, scheduledFor, context.CancellationToken);
    }
}
