using Inbox.Core.Contacts;
using Inbox.Core.Conversations;
using Inbox.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Contacts;

/// <summary>Merging the demo customers' contacts across channels, on the real app and its database.</summary>
public sealed class ContactMergeTests(InboxAppFactory app) : IClassFixture<InboxAppFactory>
{
    private ContactMerge Merge => app.Services.GetRequiredService<ContactMerge>();

    private ContactProfiles Profiles => app.Services.GetRequiredService<ContactProfiles>();

    [Fact]
    public async Task Merge_TwoChannels_OnePersonAndEveryConversationAndMessageKept()
    {
        var (sofia, tom) = (await ContactIdAsync("Sofia Rossi"), await ContactIdAsync("Tom Becker"));
        var before = await CountsAsync();

        var result = await Merge.MergeAsync(sofia, tom, "Alice Agent");

        Assert.Equal(CommandStatus.Done, result.Status);
        Assert.Equal(before, await CountsAsync());
        await using var db = app.OpenDb();
        var people = await db.Contacts.Where(c => c.Id == sofia || c.Id == tom).Select(c => c.PersonId).Distinct().ToListAsync();
        Assert.NotNull(Assert.Single(people));
        var profile = (await Profiles.GetAsync(tom))!;
        Assert.Equal(2, profile.Identities.Count);
        Assert.Equal(2, profile.Conversations.Select(c => c.ChannelName).Distinct().Count());
    }

    [Fact]
    public async Task Merge_IntoAnotherMergedPerson_BringsAllItsContacts()
    {
        var (grace, lukas, emma) = (await ContactIdAsync("Grace Kim"), await ContactIdAsync("Lukas Novak"), await ContactIdAsync("Emma Johansson"));
        await Merge.MergeAsync(lukas, emma, "Alice Agent");

        await Merge.MergeAsync(grace, lukas, "Alice Agent");

        var profile = (await Profiles.GetAsync(emma))!;
        Assert.Equal(new[] { grace, lukas, emma }.Order(), profile.Identities.Select(i => i.ContactId).Order());
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.People.CountAsync(p => p.Contacts.Any(c => c.Id == grace || c.Id == lukas || c.Id == emma)));
    }

    [Fact]
    public async Task Merge_AlreadyTheSamePerson_IsRefused()
    {
        var (kenji, jonas) = (await ContactIdAsync("Kenji Watanabe"), await ContactIdAsync("Jonas Lindqvist"));
        await Merge.MergeAsync(kenji, jonas, "Alice Agent");

        Assert.Equal(CommandStatus.Invalid, (await Merge.MergeAsync(jonas, kenji, "Alice Agent")).Status);
    }

    [Fact]
    public async Task Split_PersonOfTwo_DissolvesItAndKeepsHistory()
    {
        var (yuki, dmitri) = (await ContactIdAsync("Yuki Tanaka"), await ContactIdAsync("Dmitri Volkov"));
        await Merge.MergeAsync(yuki, dmitri, "Alice Agent");
        var before = await CountsAsync();

        var result = await Merge.SplitAsync(dmitri, "Alice Agent");

        Assert.Equal(CommandStatus.Done, result.Status);
        Assert.Equal(before, await CountsAsync());
        Assert.Single((await Profiles.GetAsync(yuki))!.Identities);
        await using var db = app.OpenDb();
        Assert.Null((await db.Contacts.SingleAsync(c => c.Id == yuki)).PersonId);
    }

    [Fact]
    public async Task Search_ByPartOfTheName_FindsOtherContactsOnly()
    {
        var chloe = await ContactIdAsync("Chloé Martin");

        var found = await Profiles.SearchAsync(chloe, "ma");

        Assert.DoesNotContain(found, c => c.ContactId == chloe);
        Assert.Contains(found, c => c.Name == "Amara Okafor");
    }

    private async Task<int> ContactIdAsync(string name)
    {
        await using var db = app.OpenDb();
        return await db.Contacts.Where(c => c.Name == name).Select(c => c.Id).SingleAsync();
    }

    private async Task<(int Contacts, int Conversations, int Messages)> CountsAsync()
    {
        await using var db = app.OpenDb();
        return (await db.Contacts.CountAsync(), await db.Conversations.CountAsync(), await db.Messages.CountAsync());
    }
}
