using Inbox.Core.Channels;
using Inbox.Core.Channels.Inbound;
using Inbox.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Inbox.Tests.Channels.Inbound;

/// <summary>The acknowledgement path's channel cache: fresh after an admin's change, and never reloaded on every forged POST.</summary>
public sealed class WebhookAddressBookTests : IAsyncLifetime, IDisposable
{
    private readonly TestDatabase database = new();
    private readonly FakeTimeProvider time = TestClock.New();
    private readonly WebhookAddressBook book;

    public WebhookAddressBookTests() => book = new WebhookAddressBook(database.Contexts, time);

    public Task InitializeAsync() => database.Migrator.MigrateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task LineAsync_MissesInQuickSuccession_ReloadOnceUntilTheIntervalHasPassed()
    {
        Assert.Null(await book.LineAsync("first", AddressLookup.Cached, default));
        await AddLineChannelAsync("first");
        await AddLineChannelAsync("second");

        // The first miss reads the channels; the next misses within the interval are answered from that read.
        Assert.NotNull(await book.LineAsync("first", AddressLookup.AfterMiss, default));
        await AddLineChannelAsync("third");
        time.Advance(WebhookAddressBook.MissReloadInterval - TimeSpan.FromMilliseconds(1));
        Assert.Null(await book.LineAsync("third", AddressLookup.AfterMiss, default));
        Assert.Null(await book.LineAsync("made-up", AddressLookup.AfterMiss, default));

        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.NotNull(await book.LineAsync("third", AddressLookup.AfterMiss, default));
    }

    [Fact]
    public async Task LineAsync_AfterInvalidate_SeesAChannelAddedAMomentAgo()
    {
        Assert.Null(await book.LineAsync("made-up", AddressLookup.AfterMiss, default));
        await AddLineChannelAsync("new-line");

        book.Invalidate();

        Assert.NotNull(await book.LineAsync("new-line", AddressLookup.Cached, default));
    }

    private async Task AddLineChannelAsync(string key)
    {
        await using var db = database.Open();
        db.Channels.Add(new Channel { Key = key, Kind = ChannelKind.Line, Name = key, ExternalId = "U" + key, ChannelSecret = "secret-" + key, CreatedAt = time.UtcNow });
        await db.SaveChangesAsync();
    }
}
