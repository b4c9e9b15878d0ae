using Bunit;
using Inbox.Core.Channels;
using Inbox.Core.Channels.Inbound;
using Inbox.Core.Contacts;
using Inbox.Core.Identity;
using Inbox.Core.Privacy;
using Inbox.Tests.TestSupport;
using Inbox.Web.Components.Pages.Workspace;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Inbox.Tests.Web.Workspace;

/// <summary>The contact panel's erase button: admins only, behind a confirmation, and back to the inbox once done.</summary>
public sealed class ContactPanelEraseTests : CoreTestBase
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddContacts().AddSingleton<IngestWriteGate>().AddSingleton<ContactErasure>();

    [Fact]
    public async Task Erase_AdminConfirms_ContactIsErasedAndTheInboxOpens()
    {
        var conversation = await GivenAsync();
        await using var ctx = ComponentContext.Create(Harness.Services, c => c.AddAuthorization().SetAuthorized("ada@acme.test").SetPolicies(Policies.Admin));
        var (dialogs, panel) = Render(ctx, conversation.ContactId, conversation.Id);

        panel.Find("[data-testid=erase-contact]").Click();
        var erase = dialogs.WaitForElements("button").Single(b => b.TextContent.Trim() == "Erase");
        Assert.Contains("Kim Lee", dialogs.Markup);
        await erase.ClickAsync(new());

        panel.WaitForAssertion(() => Assert.EndsWith("/", ctx.Services.GetRequiredService<NavigationManager>().Uri));
        await using var db = Harness.Open();
        Assert.False(await db.Contacts.AnyAsync(c => c.Id == conversation.ContactId));
        Assert.Equal("ada@acme.test", (await db.Set<Inbox.Core.Audit.AuditEntry>().SingleAsync(e => e.Action == "contact.erased")).Actor);
    }

    [Fact]
    public async Task Erase_AdminCancels_NothingIsErased()
    {
        var conversation = await GivenAsync();
        await using var ctx = ComponentContext.Create(Harness.Services, c => c.AddAuthorization().SetAuthorized("ada@acme.test").SetPolicies(Policies.Admin));
        var (dialogs, panel) = Render(ctx, conversation.ContactId, conversation.Id);

        panel.Find("[data-testid=erase-contact]").Click();
        await dialogs.WaitForElements("button").Single(b => b.TextContent.Trim() == "Keep").ClickAsync(new());

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("button")));
        await using var db = Harness.Open();
        Assert.True(await db.Contacts.AnyAsync(c => c.Id == conversation.ContactId));
    }

    [Fact]
    public async Task Panel_Agent_HasNoEraseButton()
    {
        var conversation = await GivenAsync();
        await using var ctx = ComponentContext.Create(Harness.Services, c => c.AddAuthorization().SetAuthorized("bo@acme.test").SetPolicies(Policies.Agent));
        var (_, panel) = Render(ctx, conversation.ContactId, conversation.Id);

        Assert.NotEmpty(panel.FindAll("[data-testid=contact-identity]"));
        Assert.Empty(panel.FindAll("[data-testid=erase-contact]"));
    }

    private async Task<Inbox.Core.Conversations.Conversation> GivenAsync()
    {
        var channel = await Harness.AddChannelAsync(ChannelKind.Messenger);
        return await Harness.AddConversationAsync(channel, TimeSpan.FromHours(1));
    }

    /// <summary>The dialog provider (the layout's, where the confirmation appears) and the panel, opened.</summary>
    private static (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<ContactPanel> Panel) Render(BunitContext ctx, int contactId, int conversationId)
    {
        var dialogs = ctx.Render<MudDialogProvider>();
        var panel = ctx.Render<ContactPanel>(p => p.Add(c => c.ContactId, contactId).Add(c => c.ConversationId, conversationId));
        panel.Find("[data-testid=contact-panel-toggle]").Click();
        panel.WaitForElement("[data-testid=contact-panel]");
        return (dialogs, panel);
    }
}
