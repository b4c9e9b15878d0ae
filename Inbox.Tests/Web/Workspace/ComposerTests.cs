using System.Globalization;
using Bunit;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Policy;
using Inbox.Core.Replies;
using Inbox.Tests.TestSupport;
using Inbox.Web.Components.Pages.Workspace;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Web.Workspace;

/// <summary>The composer on Core's services and a fresh database, at Friday 2026-11-20 12:00 UTC, clicked and typed into.</summary>
public sealed class ComposerTests : CoreTestBase
{
    private DateTime Now => Harness.Time.UtcNow;

    [Fact]
    public async Task Render_MessengerInsideTheWindow_PreselectsTheSuggestedFreeFormWithItsEnd()
    {
        await using var ctx = ComponentContext.Create(Harness.Services);
        var composer = Render(ctx, await AConversationAsync(ChannelKind.Messenger, TimeSpan.FromHours(2)));

        var freeForm = composer.Find("[data-testid=reply-type-free_form]");
        Assert.Contains("Free-form reply (until Sat 10:00 UTC)", freeForm.TextContent);
        Assert.Contains("suggested", freeForm.TextContent);
        Assert.True(freeForm.QuerySelector("input")!.HasAttribute("checked"));
        Assert.True(composer.Find("[data-testid=reply-type-human_agent_tag] input").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Render_MessengerAfter24Hours_PreselectsTheHumanAgentTagUntilSevenDays()
    {
        await using var ctx = ComponentContext.Create(Harness.Services);
        var composer = Render(ctx, await AConversationAsync(ChannelKind.Messenger, TimeSpan.FromHours(30)));

        var tag = composer.Find("[data-testid=reply-type-human_agent_tag]");
        Assert.Contains("Human agent reply (tagged, until Thu 06:00 UTC)", tag.TextContent);
        Assert.True(tag.QuerySelector("input")!.HasAttribute("checked"));
        Assert.True(composer.Find("[data-testid=reply-type-free_form] input").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Render_NothingAllowed_SaysWhyAndThatNotesStillWork()
    {
        await using var ctx = ComponentContext.Create(Harness.Services);
        var composer = Render(ctx, await AConversationAsync(ChannelKind.Messenger, TimeSpan.FromDays(8)));

        Assert.Equal(
            "Messenger 24-hour window closed at 2026-11-13 12:00 UTC; nothing can be sent until the customer writes again. Internal notes still work.",
            composer.Find("[data-testid=composer-closed]").TextContent.Trim());
        Assert.True(composer.Find("[data-testid=composer-send]").HasAttribute("disabled"));

        composer.Find("[data-testid=composer-note-tab]").Click();

        Assert.False(composer.Find("[data-testid=composer-send]").HasAttribute("disabled"));
        Assert.Equal("Internal note", composer.Find("[data-testid=composer-text]").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Render_MetaAgentHandlesTheWhatsAppConversation_WarnsThatAReplyTakesItOver()
    {
        await using var ctx = ComponentContext.Create(Harness.Services);
        var conversation = await AConversationAsync(ChannelKind.WhatsApp, TimeSpan.FromHours(1));
        conversation.MetaAgentActive = true;

        var composer = Render(ctx, conversation);

        Assert.Equal("Meta's AI agent is handling this conversation: sending a reply takes it over.", composer.Find("[data-testid=composer-meta-agent]").TextContent.Trim());
    }

    [Fact]
    public async Task Render_LineWithQuotaLeft_SaysTheReplyIsAPushAndHowMuchIsLeft()
    {
        await using var ctx = ComponentContext.Create(Harness.Services);
        var composer = Render(ctx, await AConversationAsync(ChannelKind.Line, TimeSpan.FromHours(3), lineQuotaLeft: 363));

        Assert.Contains(
            "Goes as a LINE push message and uses monthly quota (363 left this month).",
            composer.FindAll("[data-testid=composer-cost]").Select(p => p.TextContent));
    }

    [Fact]
    public async Task Send_WhatsAppWindowClosedWhileTyping_ShowsTheReasonOffersATemplateAndKeepsTheText()
    {
        await using var ctx = ComponentContext.Create(Harness.Services);
        var conversation = await AConversationAsync(ChannelKind.WhatsApp, TimeSpan.FromHours(23) + TimeSpan.FromMinutes(59));
        var composer = Render(ctx, conversation);
        composer.Find("[data-testid=composer-text]").Input("Your parcel left the warehouse today.");

        Harness.Time.Advance(TimeSpan.FromMinutes(2));
        composer.Find("[data-testid=composer-send]").Click();

        var reason = ReplyPolicy.Evaluate(ConversationFacts.Of(conversation), Harness.Time.UtcNow).For(ReplyType.FreeForm)!.Reason!;
        Assert.Contains(reason, composer.WaitForElement("[data-testid=composer-error]").TextContent);
        Assert.Equal("Send a template instead", composer.Find("[data-testid=switch-to-template]").TextContent);
        Assert.Empty(composer.FindAll("[data-testid=switch-to-note]"));
        Assert.Equal("Your parcel left the warehouse today.", composer.Find("[data-testid=composer-text]").GetAttribute("value"));
        Assert.Equal(0, await MessagesInAsync(conversation));

        composer.Find("[data-testid=switch-to-template]").Click();

        Assert.Empty(composer.FindAll("[data-testid=composer-error]"));
        Assert.True(composer.Find("[data-testid=reply-type-template] input").HasAttribute("checked"));
        Assert.Single(composer.FindAll(".template-picker"));
    }

    [Fact]
    public async Task Send_MessengerWindowClosedWithNothingLeft_OffersToKeepTheTextAsANote()
    {
        await using var ctx = ComponentContext.Create(Harness.Services);
        var conversation = await AConversationAsync(ChannelKind.Messenger, TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        var composer = Render(ctx, conversation);
        Assert.True(composer.Find("[data-testid=reply-type-human_agent_tag] input").HasAttribute("checked"));
        composer.Find("[data-testid=composer-text]").Input("Your parcel left the warehouse today.");

        Harness.Time.Advance(TimeSpan.FromMinutes(2));
        composer.Find("[data-testid=composer-send]").Click();

        var reason = ReplyPolicy.Evaluate(ConversationFacts.Of(conversation), Harness.Time.UtcNow).For(ReplyType.HumanAgentTag)!.Reason!;
        Assert.Contains(reason, composer.WaitForElement("[data-testid=composer-error]").TextContent);
        Assert.Equal(0, await MessagesInAsync(conversation));

        composer.Find("[data-testid=switch-to-note]").Click();

        Assert.Equal("true", composer.Find("[data-testid=composer-note-tab]").GetAttribute("aria-selected"));
        Assert.Equal("Internal note", composer.Find("[data-testid=composer-text]").GetAttribute("aria-label"));
        Assert.Equal("Your parcel left the warehouse today.", composer.Find("[data-testid=composer-text]").GetAttribute("value"));
    }

    [Fact]
    public async Task TemplatePicker_ParametersTyped_FillTheLivePreview()
    {
        var template = await Harness.AddTemplateAsync();
        await using var ctx = ComponentContext.Create(Harness.Services);
        var composer = Render(ctx, await AConversationAsync(ChannelKind.WhatsApp, TimeSpan.FromHours(26)));

        composer.WaitForElement("[data-testid=template-picker]").Change(template.Id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("Hi {{1}}, your order {{2}} has an update.", composer.Find("[data-testid=template-preview]").TextContent);

        composer.Find("[data-testid=template-param-1]").Input("Emma");
        Assert.Equal("Hi Emma, your order {{2}} has an update.", composer.Find("[data-testid=template-preview]").TextContent);

        composer.Find("[data-testid=template-param-2]").Input("#10388");
        Assert.Equal("Hi Emma, your order #10388 has an update.", composer.Find("[data-testid=template-preview]").TextContent);
        Assert.Contains(composer.FindAll("[data-testid=composer-cost]"), p => p.TextContent.StartsWith("Costs money", StringComparison.Ordinal));
        Assert.Empty(composer.FindAll("[data-testid=composer-text]"));
    }

    [Fact]
    public async Task Send_TemplateWithAMissingParameter_SaysWhichAndQueuesNothing()
    {
        var template = await Harness.AddTemplateAsync();
        await using var ctx = ComponentContext.Create(Harness.Services);
        var conversation = await AConversationAsync(ChannelKind.WhatsApp, TimeSpan.FromHours(26));
        var composer = Render(ctx, conversation);
        composer.WaitForElement("[data-testid=template-picker]").Change(template.Id.ToString(CultureInfo.InvariantCulture));
        composer.Find("[data-testid=template-param-1]").Input("Emma");

        composer.Find("[data-testid=composer-send]").Click();

        Assert.Equal("Fill in parameter {{2}} of order_update.", composer.WaitForElement("[data-testid=composer-error]").TextContent.Trim());
        Assert.Equal(0, await MessagesInAsync(conversation));
    }

    [Fact]
    public async Task TemplatePicker_OnlyApprovedTemplatesAreOffered()
    {
        var approved = await Harness.AddTemplateAsync();
        var paused = await Harness.AddTemplateAsync("spring_sale", "{{1}} off everything.");
        await SetAsync(paused.Id, t => t.Status = TemplateStatus.Paused);
        await using var ctx = ComponentContext.Create(Harness.Services);
        var composer = Render(ctx, await AConversationAsync(ChannelKind.WhatsApp, TimeSpan.FromHours(26)));

        var offered = composer.WaitForElement("[data-testid=template-picker]").QuerySelectorAll("option").Select(o => o.GetAttribute("value")).Where(v => v != "");

        Assert.Equal([approved.Id.ToString(CultureInfo.InvariantCulture)], offered);
    }

    [Fact]
    public async Task TemplatePicker_HeaderAndLinkButton_AskedForPreviewedAndSent()
    {
        var template = await Harness.AddTemplateAsync("order_shipped", "Hi {{1}}, your order is on its way.");
        await SetAsync(template.Id, t => (t.HeaderText, t.HeaderParameterCount, t.UrlButtonIndexes) = ("Order {{1}}", 1, [1]));
        await using var ctx = ComponentContext.Create(Harness.Services);
        var conversation = await AConversationAsync(ChannelKind.WhatsApp, TimeSpan.FromHours(26));
        var composer = Render(ctx, conversation);
        composer.WaitForElement("[data-testid=template-picker]").Change(template.Id.ToString(CultureInfo.InvariantCulture));
        composer.Find("[data-testid=template-param-1]").Input("Emma");
        composer.Find("[data-testid=template-header-param]").Input("#10388");
        Assert.Equal("Order #10388", composer.Find("[data-testid=template-preview-header]").TextContent);

        composer.Find("[data-testid=composer-send]").Click();
        Assert.Equal("Fill in the link of button 2 of order_shipped.", composer.WaitForElement("[data-testid=composer-error]").TextContent.Trim());

        composer.Find("[data-testid=template-button-param-1]").Input("10388");
        composer.Find("[data-testid=composer-send]").Click();

        composer.WaitForAssertion(() => Assert.Empty(composer.FindAll("[data-testid=composer-error]")));
        await using var db = Harness.Open();
        var sent = await db.Messages.SingleAsync(m => m.ConversationId == conversation.Id);
        Assert.Equal(("[\"#10388\"]", "{\"1\":\"10388\"}"), (sent.TemplateHeaderParameters, sent.TemplateButtonParameters));
    }

    [Fact]
    public async Task CannedResponses_SlashArrowsAndEnter_InsertTheHighlightedResponse()
    {
        await AddCannedAsync("hello", "Welcome", "Hello! How can I help?");
        await AddCannedAsync("refund", "Refund on its way", "Your refund is on its way and shows within 5 days.");
        await AddCannedAsync("returns", "Returns policy", "You can return anything within 30 days.");
        await using var ctx = ComponentContext.Create(Harness.Services);
        var composer = Render(ctx, await AConversationAsync(ChannelKind.Messenger, TimeSpan.FromHours(2)));

        composer.Find("[data-testid=composer-text]").Input("Thanks! /");
        Assert.Equal(["/hello", "/refund", "/returns"], Suggested(composer));
        Assert.Equal("yes", composer.Find("[data-testid=composer-text]").GetAttribute("data-suggesting"));

        composer.Find("[data-testid=composer-text]").Input("Thanks! /re");
        Assert.Equal(["/refund", "/returns"], Suggested(composer));
        Assert.Equal("true", composer.FindAll("[data-testid=canned-suggestion]")[0].GetAttribute("aria-selected"));

        composer.Find("[data-testid=composer-text]").KeyDown(Key.Down);
        Assert.Equal("false", composer.FindAll("[data-testid=canned-suggestion]")[0].GetAttribute("aria-selected"));
        Assert.Equal("true", composer.FindAll("[data-testid=canned-suggestion]")[1].GetAttribute("aria-selected"));

        composer.Find("[data-testid=composer-text]").KeyDown(Key.Enter);

        Assert.Equal("Thanks! You can return anything within 30 days.", composer.Find("[data-testid=composer-text]").GetAttribute("value"));
        Assert.Empty(composer.FindAll("[data-testid=canned-suggestions]"));
    }

    private static List<string> Suggested(IRenderedComponent<Composer> composer) =>
        composer.FindAll("[data-testid=canned-suggestion] strong").Select(s => s.TextContent).ToList();

    private IRenderedComponent<Composer> Render(BunitContext ctx, Conversation conversation) =>
        ctx.Render<Composer>(p => p
            .Add(c => c.Conversation, conversation)
            .Add(c => c.Decision, ReplyPolicy.Evaluate(ConversationFacts.Of(conversation), Now))
            .Add(c => c.Now, Now)
            .Add(c => c.ActorName, "Alice Agent"));

    private async Task<Conversation> AConversationAsync(ChannelKind kind, TimeSpan lastInboundAgo, int? lineQuotaLeft = null) =>
        await Harness.AddConversationAsync(await Harness.AddChannelAsync(kind, lineQuotaLeft: lineQuotaLeft), lastInboundAgo);

    private async Task SetAsync(int templateId, Action<MessageTemplate> change)
    {
        await using var db = Harness.Open();
        var template = await db.Set<MessageTemplate>().SingleAsync(t => t.Id == templateId);
        change(template);
        await db.SaveChangesAsync();
    }

    private async Task<int> MessagesInAsync(Conversation conversation)
    {
        await using var db = Harness.Open();
        return await db.Messages.CountAsync(m => m.ConversationId == conversation.Id);
    }

    private async Task AddCannedAsync(string shortcut, string title, string body)
    {
        var result = await Harness.Get<CannedResponses>().CreateAsync(new CannedResponseDraft { Shortcut = shortcut, Title = title, Body = body }, "test");
        Assert.True(result.Succeeded, result.Error);
    }
}
