using Inbox.Core.Channels;
using Inbox.Core.Replies;
using Inbox.Tests.TestSupport;

namespace Inbox.Tests.Replies;

public sealed class TemplateRegistryTests : CoreTestBase
{
    private TemplateRegistry Registry => Harness.Get<TemplateRegistry>();

    [Fact]
    public async Task CreateAsync_ValidDraft_StoresParameterCountReadFromTheBody()
    {
        var template = await Harness.AddTemplateAsync(body: "Hi {{1}}, your order {{2}} ships {{3}}. Thanks {{1}}!");

        Assert.Equal(3, template.ParameterCount);
        Assert.Equal(TemplateCategory.Utility, template.Category);
    }

    [Theory]
    [InlineData("Order Update", "en_US", "Hi {{1}}", nameof(TemplateDraft.Name))]
    [InlineData("order_update", "english", "Hi {{1}}", nameof(TemplateDraft.Language))]
    [InlineData("order_update", "en_US", "Hi {{1}}, order {{3}}", nameof(TemplateDraft.Body))]
    [InlineData("order_update", "en_US", "Hi {{0}}", nameof(TemplateDraft.Body))]
    [InlineData("order_update", "en_US", "  ", nameof(TemplateDraft.Body))]
    public async Task CreateAsync_MalformedDraft_RefusesNamingTheField(string name, string language, string body, string field)
    {
        var result = await Registry.CreateAsync(new TemplateDraft { Name = name, Language = language, Body = body }, "admin");

        Assert.False(result.Succeeded);
        Assert.Equal(field, result.Field);
        Assert.Empty(await Registry.ListAsync());
    }

    [Fact]
    public async Task CreateAsync_SameNameAndLanguageTwice_RefusesTheSecond()
    {
        await Harness.AddTemplateAsync();

        var result = await Registry.CreateAsync(new TemplateDraft { Name = "order_update", Language = "en_US", Body = "Other {{1}}" }, "admin");

        Assert.False(result.Succeeded);
        Assert.Contains("already registered", result.Error);
    }

    [Fact]
    public async Task CreateAsync_ChannelThatIsNotWhatsApp_Refuses()
    {
        var messenger = await Harness.AddChannelAsync(ChannelKind.Messenger);

        var result = await Registry.CreateAsync(new TemplateDraft { Name = "hello", Body = "Hi", ChannelId = messenger.Id }, "admin");

        Assert.Equal(nameof(TemplateDraft.ChannelId), result.Field);
    }

    [Fact]
    public async Task ForChannelAsync_OwnAndSharedTemplates_ListsBothButNotAnotherChannels()
    {
        var mine = await Harness.AddChannelAsync(ChannelKind.WhatsApp);
        var other = await Harness.AddChannelAsync(ChannelKind.WhatsApp);
        await Harness.AddTemplateAsync("shared", "Hi {{1}}");
        await Harness.AddTemplateAsync("mine_only", "Hi {{1}}", mine.Id);
        await Harness.AddTemplateAsync("theirs_only", "Hi {{1}}", other.Id);

        var names = (await Registry.ForChannelAsync(mine.Id)).Select(t => t.Name);

        Assert.Equal(["mine_only", "shared"], names);
    }

    [Fact]
    public async Task UpdateAsync_NewBody_RecountsParameters()
    {
        var template = await Harness.AddTemplateAsync();

        var result = await Registry.UpdateAsync(template.Id, new TemplateDraft { Name = "order_update", Body = "Hi {{1}}" }, "admin");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(1, (await Registry.ListAsync()).Single().ParameterCount);
    }

    [Fact]
    public async Task DeleteAsync_UnknownTemplate_SaysItDoesNotExist()
    {
        var result = await Registry.DeleteAsync(404, "admin");

        Assert.False(result.Succeeded);
        Assert.Contains("does not exist", result.Error);
    }
}
