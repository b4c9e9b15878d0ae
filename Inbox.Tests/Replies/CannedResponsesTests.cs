using Inbox.Core.Replies;
using Inbox.Tests.TestSupport;

namespace Inbox.Tests.Replies;

public sealed class CannedResponsesTests : CoreTestBase
{
    private Core.Replies.CannedResponses Responses => Harness.Get<Core.Replies.CannedResponses>();

    [Fact]
    public async Task CreateAsync_ShortcutWithSlashAndCapitals_StoresItNormalised()
    {
        var result = await Responses.CreateAsync(new CannedResponseDraft { Shortcut = " /Returns ", Title = "Returns", Body = "30 days." }, "admin");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("returns", (await Responses.ListAsync()).Single().Shortcut);
    }

    [Fact]
    public async Task CreateAsync_ShortcutTaken_RefusesOnShortcut()
    {
        await Responses.CreateAsync(new CannedResponseDraft { Shortcut = "returns", Title = "Returns", Body = "30 days." }, "admin");

        var result = await Responses.CreateAsync(new CannedResponseDraft { Shortcut = "RETURNS", Title = "Other", Body = "Other." }, "admin");

        Assert.Equal(nameof(CannedResponseDraft.Shortcut), result.Field);
        Assert.Single(await Responses.ListAsync());
    }

    [Theory]
    [InlineData("has space", "T", "B", nameof(CannedResponseDraft.Shortcut))]
    [InlineData("ok", "", "B", nameof(CannedResponseDraft.Title))]
    [InlineData("ok", "T", " ", nameof(CannedResponseDraft.Body))]
    public async Task CreateAsync_MissingOrMalformedField_RefusesNamingIt(string shortcut, string title, string body, string field)
    {
        var result = await Responses.CreateAsync(new CannedResponseDraft { Shortcut = shortcut, Title = title, Body = body }, "admin");

        Assert.Equal(field, result.Field);
    }

    [Fact]
    public async Task UpdateAsync_ToItsOwnShortcut_Succeeds()
    {
        var created = await Responses.CreateAsync(new CannedResponseDraft { Shortcut = "thanks", Title = "Thanks", Body = "Thanks!" }, "admin");

        var result = await Responses.UpdateAsync(created.Id!.Value, new CannedResponseDraft { Shortcut = "thanks", Title = "Thanks", Body = "Thank you!" }, "admin");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("Thank you!", (await Responses.ListAsync()).Single().Body);
    }

    [Fact]
    public void Match_TypedLetters_ShortcutPrefixesFirstThenTitles()
    {
        CannedResponse[] all =
        [
            new() { Shortcut = "refund", Title = "Refund timing", Body = "" },
            new() { Shortcut = "returns", Title = "Returns policy", Body = "" },
            new() { Shortcut = "shipping", Title = "Shipping times", Body = "" },
            new() { Shortcut = "late", Title = "Parcel returned to us", Body = "" },
        ];

        Assert.Equal(["refund", "returns", "late"], Core.Replies.CannedResponses.Match(all, "re").Select(r => r.Shortcut));
        Assert.Equal(["returns", "late"], Core.Replies.CannedResponses.Match(all, "ret").Select(r => r.Shortcut));
        Assert.Empty(Core.Replies.CannedResponses.Match(all, "xyz"));
    }
}
