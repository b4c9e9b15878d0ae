using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Policy;
using Inbox.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Conversations;

/// <summary>What replying does besides queueing: self-assignment, registered templates, and retrying failed replies.</summary>
public class ConversationCommandsTests : CoreTestBase
{
    private ConversationCommands Commands => Harness.Get<ConversationCommands>();

    [Fact]
    public async Task QueueReplyAsync_UnassignedConversation_AssignsTheReplyingAgentAndLogsIt()
    {
        var conversation = await Harness.AddConversationAsync(await Harness.AddChannelAsync(ChannelKind.Messenger), TimeSpan.FromHours(2));
        var alice = await Harness.AddAgentAsync("Alice Agent");

        var result = await Commands.QueueReplyAsync(conversation.Id, new ReplyRequest("On it!"), SenderKind.Human, alice.Id);

        Assert.Equal(CommandStatus.Done, result.Status);
        await using var db = Harness.Open();
        Assert.Equal(alice.Id, (await db.Conversations.SingleAsync()).AssigneeId);
        var activity = await db.Activities.SingleAsync();
        Assert.Equal((ActivityKind.Assigned, "Alice Agent", "Assigned to Alice Agent on replying"), (activity.Kind, activity.Actor, activity.Detail));
    }

    [Fact]
    public async Task MarkReadAsync_UnreadConversation_ClearsTheUnreadCount()
    {
        var conversation = await Harness.AddConversationAsync(await Harness.AddChannelAsync(ChannelKind.Messenger), TimeSpan.FromHours(2));
        await using (var db = Harness.Open())
        {
            await db.Conversations.ExecuteUpdateAsync(c => c.SetProperty(x => x.UnreadCount, 3));
        }

        await Commands.MarkReadAsync(conversation.Id);

        await using var after = Harness.Open();
        Assert.Equal(0, (await after.Conversations.SingleAsync()).UnreadCount);
    }

    [Fact]
    public async Task QueueReplyAsync_AssignedToSomeoneElse_KeepsTheAssignee()
    {
        var bob = await Harness.AddAgentAsync("Bob Agent");
        var alice = await Harness.AddAgentAsync("Alice Agent");
        var conversation = await Harness.AddConversationAsync(await Harness.AddChannelAsync(ChannelKind.Messenger), TimeSpan.FromHours(2), bob.Id);

        await Commands.QueueReplyAsync(conversation.Id, new ReplyRequest("Covering for Bob."), SenderKind.Human, alice.Id);

        await using var db = Harness.Open();
        Assert.Equal(bob.Id, (await db.Conversations.SingleAsync()).AssigneeId);
        Assert.Empty(await db.Activities.ToListAsync());
    }

    [Fact]
    public async Task QueueReplyAsync_RefusedByThePolicy_AssignsNobody()
    {
        var conversation = await Harness.AddConversationAsync(await Harness.AddChannelAsync(ChannelKind.Messenger), TimeSpan.FromDays(8));
        var alice = await Harness.AddAgentAsync("Alice Agent");

        var result = await Commands.QueueReplyAsync(conversation.Id, new ReplyRequest("Hello?"), SenderKind.Human, alice.Id);

        Assert.Equal(CommandStatus.NotAllowed, result.Status);
        await using var db = Harness.Open();
        Assert.Null((await db.Conversations.SingleAsync()).AssigneeId);
    }

    [Fact]
    public async Task QueueReplyAsync_RegisteredTemplate_StoresTheBodyAsTheCustomerReadsIt()
    {
        var conversation = await Harness.AddConversationAsync(await Harness.AddChannelAsync(ChannelKind.WhatsApp), TimeSpan.FromHours(26));
        await Harness.AddTemplateAsync();

        var result = await Commands.QueueReplyAsync(
            conversation.Id, new ReplyRequest(null, ReplyType.Template, new TemplateReply("order_update", "en_US", ["Emma", "#10422"])), SenderKind.Human, null);

        Assert.Equal(CommandStatus.Done, result.Status);
        Assert.Equal("Hi Emma, your order #10422 has an update.", result.Message!.Text);
    }

    [Fact]
    public async Task QueueReplyAsync_RegisteredTemplateWithTooFewParameters_IsInvalid()
    {
        var conversation = await Harness.AddConversationAsync(await Harness.AddChannelAsync(ChannelKind.WhatsApp), TimeSpan.FromHours(26));
        await Harness.AddTemplateAsync();

        var result = await Commands.QueueReplyAsync(
            conversation.Id, new ReplyRequest(null, ReplyType.Template, new TemplateReply("order_update", "en_US", ["Emma"])), SenderKind.Human, null);

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Contains("takes 2 parameter(s)", result.Error);
    }

    [Theory]
    [InlineData(SendFailure.RetriesExhausted)]
    [InlineData(SendFailure.Interrupted)]
    [InlineData(SendFailure.Rejected)]
    public async Task RetryAsync_RetryableFailure_QueuesACopyAndLeavesTheFailedOne(SendFailure failure)
    {
        var conversation = await Harness.AddConversationAsync(await Harness.AddChannelAsync(ChannelKind.Messenger), TimeSpan.FromHours(2));
        var failed = await Harness.AddFailedReplyAsync(conversation, failure);

        var result = await Commands.RetryAsync(failed.Id, agentId: null);

        Assert.Equal(CommandStatus.Done, result.Status);
        await using var db = Harness.Open();
        var messages = await db.Messages.OrderBy(m => m.Id).ToListAsync();
        Assert.Equal([DeliveryStatus.Failed, DeliveryStatus.Queued], messages.Select(m => m.Status));
        Assert.Equal(failed.Text, messages[1].Text);
        Assert.Equal(ReplyType.FreeForm, messages[1].ReplyType);
    }

    [Theory]
    [InlineData(SendFailure.WindowClosed)]
    [InlineData(SendFailure.TemplateRejected)]
    [InlineData(SendFailure.QuotaExhausted)]
    public async Task RetryAsync_FailureThatWouldRepeat_RefusesWithoutQueueing(SendFailure failure)
    {
        var conversation = await Harness.AddConversationAsync(await Harness.AddChannelAsync(ChannelKind.Messenger), TimeSpan.FromHours(2));
        var failed = await Harness.AddFailedReplyAsync(conversation, failure);

        var result = await Commands.RetryAsync(failed.Id, agentId: null);

        Assert.Equal(CommandStatus.Invalid, result.Status);
        await using var db = Harness.Open();
        Assert.Single(await db.Messages.ToListAsync());
    }

    [Fact]
    public async Task RetryAsync_WindowClosedSinceTheFailure_PolicyRefusesTheCopy()
    {
        var conversation = await Harness.AddConversationAsync(await Harness.AddChannelAsync(ChannelKind.Messenger), TimeSpan.FromHours(23));
        var failed = await Harness.AddFailedReplyAsync(conversation, SendFailure.RetriesExhausted);
        Harness.Time.Advance(TimeSpan.FromHours(2));

        var result = await Commands.RetryAsync(failed.Id, agentId: null);

        Assert.Equal(CommandStatus.NotAllowed, result.Status);
        Assert.Contains("24-hour window closed", result.Error);
    }
}
