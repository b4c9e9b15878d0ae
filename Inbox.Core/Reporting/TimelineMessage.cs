using Inbox.Core.Conversations;
using Inbox.Core.Policy;

namespace Inbox.Core.Reporting;

/// <summary>What turn building needs of one message.</summary>
public sealed record TimelineMessage(
    long Id, DateTime At, MessageAuthor Author, DeliveryStatus Status, ReplyType? ReplyType = null, int? AgentId = null, bool Standby = false);
