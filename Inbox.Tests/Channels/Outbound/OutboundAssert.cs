using Inbox.Core.Conversations;

namespace Inbox.Tests.Channels.Outbound;

/// <summary>What every "not delivered" test checks: the status, the failure kind, the platform's code and the reason shown to the agent.</summary>
public static class OutboundAssert
{
    public static void Failed(Message message, SendFailure failure, string code, string reasonContains)
    {
        Assert.Equal(DeliveryStatus.Failed, message.Status);
        Assert.Equal(failure, message.Failure);
        Assert.Equal(code, message.ErrorCode);
        Assert.Contains(reasonContains, message.ErrorMessage);
    }
}
