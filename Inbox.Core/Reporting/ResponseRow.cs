using Inbox.Core.Policy;

namespace Inbox.Core.Reporting;

/// <summary>The columns of a <see cref="ResponseFact"/> the range reports read, all from one covering index.</summary>
public sealed record ResponseRow(
    DateTime ReceivedAt, int ChannelId, int? TeamId, int? AgentId, bool IsFirst, int? ResponseSeconds, int? BusinessResponseSeconds,
    DateTime? RespondedAt, ReplyType? ResponseType, DateTime? WindowClosesAt);
