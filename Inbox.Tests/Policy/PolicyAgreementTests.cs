using System.Net.Http.Json;
using System.Text.Json;
using Bunit;
using Inbox.Core.Channels.Line;
using Inbox.Core.Channels.Outbound;
using Inbox.Core.Conversations;
using Inbox.Core.Policy;
using Inbox.Tests.Channels.Outbound;
using Inbox.Tests.TestSupport;
using Inbox.Web.Components.Pages.Workspace;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inbox.Tests.Policy;

/// <summary>
/// Every place that shows or enforces what may be sent gives the same answer for the same conversation: the REST
/// list and detail, the inbox row, the conversation header and its composer, and the sender's last check. One
/// conversation per channel kind and window state, on the real app, with a LINE channel whose push quota is used up.
/// </summary>
public sealed class PolicyAgreementTests : OutboundTestBase
{
    private static readonly TimeSpan Hours2 = TimeSpan.FromHours(2);
    private static readonly TimeSpan Hours30 = TimeSpan.FromHours(30);
    private static readonly TimeSpan Days3 = TimeSpan.FromDays(3);
    private static readonly TimeSpan Days8 = TimeSpan.FromDays(8);

    /// <summary>Each conversation, and the window state and name every surface must show for it.</summary>
    public static TheoryData<string, string, string> Cases => new()
    {
        { "fb in 24 h", "open", "24 h window" },
        { "fb after 24 h", "human_agent", "Human agent, 7 d" },
        { "fb after 7 d", "closed", "Closed" },
        { "fb ad day 3", "open", "7 d ad window" },
        { "ig ad day 3", "open", "7 d ad window" },
        { "ig after 24 h", "human_agent", "Human agent, 7 d" },
        { "wa in 24 h", "open", "24 h window" },
        { "wa after 24 h", "template_only", "Templates only" },
        { "line quota used up", "closed", "Closed" },
        { "fb comment day 2", "open", "Private reply, 7 d" },
        { "fb comment day 8", "unlimited", "No window" },
        { "ig comment day 2", "open", "Private reply, 7 d" },
        { "ig comment day 8", "unlimited", "No window" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EverySurface_SameConversation_SameAnswer(string name, string state, string windowName)
    {
        await UseUpLineQuotaAsync();
        var conversation = await App.AddAsync(Seed(name));
        var now = App.Now;

        var detail = await DetailAsync(conversation.Id);
        Assert.Equal((state, windowName), (detail.State, detail.Name));

        var list = await ListRowAsync(conversation.Id);
        Assert.Equal((detail.State, detail.Name, detail.Suggested, detail.Deadline), (list.State, list.Name, list.Suggested, list.Deadline));

        Assert.Equal((detail.State, detail.Name), await InboxRowAsync(conversation.Id, now));

        var header = await HeaderAndComposerAsync(conversation.Id, now);
        Assert.Equal((detail.State, detail.Name, detail.Suggested, detail.Allowed), (header.State, header.Name, header.Suggested, header.Allowed));
        Assert.Equal((detail.Suggested, detail.Allowed), (header.ComposerSelected, header.ComposerAllowed));

        Assert.Equal(detail.Allowed, await SenderAllowsAsync(conversation.Id));
    }

    protected override void BeforeStart(FakePlatformServer platform) => ScriptUsedUpQuota(platform);

    private static ConversationSeed Seed(string name) => name switch
    {
        "fb in 24 h" => ConversationSeed.On("fb").LastInbound(Hours2),
        "fb after 24 h" => ConversationSeed.On("fb").LastInbound(Hours30),
        "fb after 7 d" => ConversationSeed.On("fb").LastInbound(Days8),
        "fb ad day 3" => ConversationSeed.On("fb").LastInbound(Days3).FromAd(),
        "ig ad day 3" => ConversationSeed.On("ig").LastInbound(Days3).FromAd(),
        "ig after 24 h" => ConversationSeed.On("ig").LastInbound(Hours30),
        "wa in 24 h" => ConversationSeed.On("wa").LastInbound(Hours2),
        "wa after 24 h" => ConversationSeed.On("wa").LastInbound(Hours30),
        "line quota used up" => ConversationSeed.On("line").LastInbound(Hours2),
        "fb comment day 2" => ConversationSeed.On("fb").LastInbound(TimeSpan.FromDays(2)).OnComment("fb-comment-1"),
        "fb comment day 8" => ConversationSeed.On("fb").LastInbound(Days8).OnComment("fb-comment-2"),
        "ig comment day 2" => ConversationSeed.On("ig").LastInbound(TimeSpan.FromDays(2)).OnComment("ig-comment-1"),
        "ig comment day 8" => ConversationSeed.On("ig").LastInbound(Days8).OnComment("ig-comment-2"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private static void ScriptUsedUpQuota(FakePlatformServer platform)
    {
        platform.Script("/v2/bot/message/quota", FakeResponse.Ok("""{"type":"limited","value":200}"""));
        platform.Script("/v2/bot/message/quota/consumption", FakeResponse.Ok("""{"totalUsage":200}"""));
    }

    /// <summary>LINE says the month's 200 pushes are spent, and the app has fetched that (as it does before sending).</summary>
    private async Task UseUpLineQuotaAsync()
    {
        ScriptUsedUpQuota(Platform);
        var line = await App.ChannelAsync("line");
        Assert.True(await App.Services.GetRequiredService<LineQuotaService>().RefreshAsync(line.Id));
        Assert.Equal(0, (await App.ChannelAsync("line")).LineQuotaRemaining);
    }

    private async Task<Answer> DetailAsync(int id)
    {
        var detail = await App.Api().GetFromJsonAsync<JsonElement>($"/api/conversations/{id}");
        var window = detail.GetProperty("window");
        var options = detail.GetProperty("replyOptions").EnumerateArray().ToList();
        var suggested = detail.GetProperty("suggestedReplyType").GetString();
        var deadline = options.Where(o => o.GetProperty("type").GetString() == suggested).Select(o => Date(o.GetProperty("expiresAt"))).SingleOrDefault();
        return new Answer(
            window.GetProperty("state").GetString()!, window.GetProperty("name").GetString()!, suggested, deadline,
            Join(options.Where(o => o.GetProperty("allowed").GetBoolean()).Select(o => o.GetProperty("type").GetString()!)));
    }

    private async Task<Answer> ListRowAsync(int id)
    {
        var rows = await App.Api().GetFromJsonAsync<JsonElement[]>("/api/conversations");
        var row = rows!.Single(r => r.GetProperty("id").GetInt32() == id);
        var window = row.GetProperty("window");
        return new Answer(
            window.GetProperty("state").GetString()!, window.GetProperty("name").GetString()!,
            row.GetProperty("suggestedReplyType").GetString(), Date(row.GetProperty("deadline")), Allowed: null);
    }

    /// <summary>The inbox list's row for the conversation, from the same query the inbox page runs.</summary>
    private async Task<(string State, string Name)> InboxRowAsync(int id, DateTime now)
    {
        var summaries = await App.Services.GetRequiredService<ConversationQueries>().ListAsync(new ConversationFilter());
        await using var ctx = ComponentContext.Create();
        var row = ctx.Render<ConversationRow>(p => p.Add(r => r.Row, summaries.Single(s => s.Id == id)).Add(r => r.Now, now));
        var countdown = row.Find("[data-testid=countdown]");
        return (State(countdown.GetAttribute("data-state")!), countdown.QuerySelector(".countdown-name")!.TextContent);
    }

    /// <summary>The open conversation as an agent sees it: the header's countdown and reply options, and the composer's reply types.</summary>
    private async Task<Seen> HeaderAndComposerAsync(int id, DateTime now)
    {
        await using var ctx = ComponentContext.Create(configure: c =>
        {
            foreach (var type in new[] { typeof(ConversationQueries), typeof(ConversationCommands), typeof(ConversationNotes), typeof(Inbox.Core.Routing.AgentDirectory),
                typeof(Inbox.Core.Routing.ConversationScopes), typeof(Inbox.Core.Replies.TemplateRegistry), typeof(Inbox.Core.Replies.CannedResponses), typeof(IOptions<OutboundOptions>),
                typeof(Inbox.Core.Channels.Outbound.ReadAndTypingSignals), typeof(Inbox.Core.Media.AttachmentReplies) })
            {
                c.Services.AddSingleton(type, App.Services.GetRequiredService(type));
            }

            c.ComponentFactories.AddStub<AssignControl>();
            c.ComponentFactories.AddStub<ContactPanel>();
        });
        var view = ctx.Render<ConversationView>(p => p.Add(v => v.ConversationId, id).Add(v => v.Now, now));
        var countdown = view.WaitForElement("[data-testid=conversation-header] [data-testid=countdown]");
        var options = view.FindAll("[data-testid=reply-option]");
        var choices = view.FindAll("[data-testid=composer] .reply-type-choice input");
        return new Seen(
            State(countdown.GetAttribute("data-state")!),
            countdown.QuerySelector(".countdown-name")!.TextContent,
            options.Where(o => o.ClassList.Contains("suggested")).Select(o => Snake(o.GetAttribute("data-type")!)).SingleOrDefault(),
            Join(options.Where(o => o.ClassList.Contains("allowed")).Select(o => Snake(o.GetAttribute("data-type")!))),
            choices.Where(i => i.HasAttribute("checked")).Select(i => Snake(i.GetAttribute("value")!)).SingleOrDefault(),
            Join(choices.Where(i => !i.HasAttribute("disabled")).Select(i => Snake(i.GetAttribute("value")!))));
    }

    /// <summary>Which reply types the sender's last check before the platform call lets through, on the conversation as the dispatcher loads it.</summary>
    private async Task<string> SenderAllowsAsync(int id)
    {
        await using var db = App.OpenDb();
        var conversation = await db.Conversations.Include(c => c.Channel).Include(c => c.Contact).SingleAsync(c => c.Id == id);
        var now = App.Now;
        return Join(Enum.GetValues<ReplyType>()
            .Where(type => SendPolicyCheck.Check(OutboundSend.Of(new Message { Text = "Hi", ReplyType = type, Author = MessageAuthor.Agent, Conversation = conversation }), now) is null)
            .Select(type => Snake(type.ToString())));
    }

    /// <summary>The countdown's <c>data-state</c> (the state's name in lower case) as the API spells it.</summary>
    private static string State(string dataState) => Snake(Enum.Parse<WindowState>(dataState, ignoreCase: true).ToString());

    private static string Snake(string value) => JsonNamingPolicy.SnakeCaseLower.ConvertName(value);

    private static string Join(IEnumerable<string> types) => string.Join(",", types.Order(StringComparer.Ordinal));

    private static DateTime? Date(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDateTime();

    private sealed record Answer(string State, string Name, string? Suggested, DateTime? Deadline, string? Allowed);

    private sealed record Seen(string State, string Name, string? Suggested, string Allowed, string? ComposerSelected, string ComposerAllowed);
}
