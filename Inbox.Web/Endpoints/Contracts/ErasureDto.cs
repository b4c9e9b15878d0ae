using Inbox.Core.Privacy;

namespace Inbox.Web.Endpoints.Contracts;

/// <summary>What erasing a contact removed, in counts.</summary>
public sealed record ErasureDto(int ContactId, int Conversations, int Messages, int Notes, int WebhookBodiesCleared)
{
    public static ErasureDto Of(ErasureReport report) =>
        new(report.ContactId, report.Conversations, report.Messages, report.Notes, report.WebhookBodiesCleared);
}
