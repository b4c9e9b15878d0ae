using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Conversations;

public sealed class ConversationNotesTests : CoreTestBase
{
    private ConversationNotes Notes => Harness.Get<ConversationNotes>();

    [Fact]
    public async Task AddAsync_Note_IsListedAndNeverAMessage()
    {
        var conversation = await Harness.AddConversationAsync(await Harness.AddChannelAsync(ChannelKind.Messenger), TimeSpan.FromHours(1));
        var alice = await Harness.AddAgentAsync("Alice Agent");

        var result = await Notes.AddAsync(conversation.Id, "  Customer is a wholesale buyer.  ", alice.Id, alice.Name);

        Assert.Equal(CommandStatus.Done, result.Status);
        var note = Assert.Single(await Notes.ListAsync(conversation.Id));
        Assert.Equal(("Customer is a wholesale buyer.", "Alice Agent", Harness.Time.UtcNow), (note.Text, note.AuthorName, note.CreatedAt));
        await using var db = Harness.Open();
        Assert.Empty(await db.Messages.ToListAsync());
    }

    [Fact]
    public async Task AddAsync_WindowClosedForGood_StillAddsTheNote()
    {
        var conversation = await Harness.AddConversationAsync(await Harness.AddChannelAsync(ChannelKind.Messenger), TimeSpan.FromDays(9));

        var result = await Notes.AddAsync(conversation.Id, "Wait for the customer.", null, "Sam Supervisor");

        Assert.Equal(CommandStatus.Done, result.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task AddAsync_EmptyText_IsInvalid(string text)
    {
        var conversation = await Harness.AddConversationAsync(await Harness.AddChannelAsync(ChannelKind.Line), TimeSpan.FromHours(1));

        var result = await Notes.AddAsync(conversation.Id, text, null, "Alice");

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Empty(await Notes.ListAsync(conversation.Id));
    }

    [Fact]
    public async Task AddAsync_UnknownConversation_NotFound() =>
        Assert.Equal(CommandStatus.NotFound, (await Notes.AddAsync(404, "Hello", null, "Alice")).Status);
}
