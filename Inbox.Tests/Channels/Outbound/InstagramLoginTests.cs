using Inbox.Core.Channels;
using Inbox.Core.Channels.Meta;
using Inbox.Core.Channels.Outbound;
using Inbox.Core.Contacts.Profiles;
using Inbox.Core.Conversations;
using Inbox.Core.Persistence;
using Inbox.Core.Policy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Channels.Outbound;

/// <summary>
/// An Instagram channel connected with Instagram Login (docs/platform-rules.md §4b): its sends, comment replies, read and
/// typing signals and profile lookups go to the Instagram API with its own token, and its token is refreshed on
/// <c>graph.instagram.com</c> (unversioned) before it expires, and kept across a restart.
/// </summary>
public sealed class InstagramLoginTests : OutboundTestBase
{
    private const string Instagram = "/instagram/v25.0";
    private const string Refresh = "/instagram/refresh_access_token";

    protected override IReadOnlyDictionary<string, string?> Overrides => new Dictionary<string, string?>
    {
        ["Inbox:Channels:1:LoginType"] = "Instagram",
        ["Meta:InstagramApiBaseUrl"] = Platform.BaseUrl + Instagram,
    };

    [Fact]
    public async Task Send_InstagramLoginChannel_GoesToTheInstagramApiWithItsToken()
    {
        var conversation = await App.AddAsync(ConversationSeed.On("ig"));
        await App.QueueAsync(conversation, new ReplyRequest("Yes, in blue too.", ReplyType.FreeForm));
        await App.SendAsync();

        var request = Assert.Single(Platform.To($"{Instagram}/{OutboundApp.InstagramId}/messages"));
        Assert.Equal("Bearer ig-token", request.Header("Authorization"));
        OutboundPayloadTests.AssertJson($$$"""{"recipient":{"id":"{{{conversation.Recipient}}}"},"messaging_type":"RESPONSE","message":{"text":"Yes, in blue too."}}""", request);
        Assert.Empty(Platform.To($"{OutboundApp.Graph}/{OutboundApp.InstagramId}/messages"));
    }

    [Fact]
    public async Task Send_FacebookLoginChannels_StayOnGraph()
    {
        var conversation = await App.AddAsync(ConversationSeed.On("fb"));
        await App.QueueAsync(conversation, new ReplyRequest("Hello", ReplyType.FreeForm));
        await App.SendAsync();

        Assert.Single(Platform.To($"{OutboundApp.Graph}/{OutboundApp.PageId}/messages"));
        Assert.DoesNotContain(Platform.Requests, r => r.Path.StartsWith("/instagram", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublicReply_InstagramLoginChannel_IsPostedUnderTheCommentOnTheInstagramApi()
    {
        var conversation = await App.AddAsync(ConversationSeed.On("ig").OnComment("17900000000000001"));
        await App.QueueAsync(conversation, new ReplyRequest("Thanks!", ReplyType.PublicReply));
        await App.SendAsync();

        var request = Assert.Single(Platform.To($"{Instagram}/17900000000000001/replies"));
        Assert.Equal("Bearer ig-token", request.Header("Authorization"));
        OutboundPayloadTests.AssertJson("""{"message":"Thanks!"}""", request);
    }

    [Fact]
    public async Task ReadAndTyping_InstagramLoginChannel_SenderActionsGoToTheInstagramApi()
    {
        var conversation = await App.AddAsync(ConversationSeed.On("ig"));
        var signals = App.Services.GetRequiredService<ReadAndTypingSignals>();

        await signals.ConversationOpenedAsync(conversation.Id);
        await signals.AgentTypingAsync(conversation.Id);

        var requests = Platform.To($"{Instagram}/{OutboundApp.InstagramId}/messages");
        Assert.Equal(["mark_seen", "typing_on"], requests.Select(r => r.Json!["sender_action"]!.GetValue<string>()).Order());
        Assert.All(requests, r => Assert.Equal("Bearer ig-token", r.Header("Authorization")));
    }

    [Fact]
    public async Task ProfileLookup_InstagramLoginChannel_AsksTheInstagramApi()
    {
        Platform.Script($"{Instagram}/9120000001", FakeResponse.Ok("""{"name":"Mika Tan","username":"mika.t","id":"9120000001"}"""));
        var channel = await App.ChannelAsync("ig");

        var (profile, error) = await App.Services.GetRequiredService<ProfileLookup>().ReadAsync(channel, "9120000001", CancellationToken.None);

        Assert.Null(error);
        Assert.Equal("Mika Tan", profile!.Name);
        var request = Assert.Single(Platform.To($"{Instagram}/9120000001"));
        Assert.Equal("?fields=name,username,profile_pic", request.Query);
        Assert.Equal("Bearer ig-token", request.Header("Authorization"));
    }

    [Fact]
    public async Task RefreshDue_TokenEnteredLessThanADayAgo_IsNotRefreshedYet()
    {
        Assert.Equal(0, await Refresher.RefreshDueAsync());

        Assert.Empty(Platform.To(Refresh));
    }

    [Fact]
    public async Task RefreshDue_TokenADayOld_IsRefreshedStoredEncryptedUsedAndKeptAcrossARestart()
    {
        Platform.Script(Refresh, FakeResponse.Ok("""{"access_token":"IGAA-refreshed","token_type":"bearer","expires_in":5183944}"""));
        await AgeTokenAsync(TimeSpan.FromHours(25), expiresIn: null);

        Assert.Equal(1, await Refresher.RefreshDueAsync());
        Assert.Equal(0, await Refresher.RefreshDueAsync());

        var call = Assert.Single(Platform.To(Refresh));
        Assert.Equal(("GET", "?grant_type=ig_refresh_token&access_token=ig-token"), (call.Method, call.Query));
        var channel = await App.ChannelAsync("ig");
        Assert.Equal("IGAA-refreshed", channel.AccessToken);
        Assert.Equal(App.Now.AddSeconds(5183944), channel.AccessTokenExpiresAt!.Value, TimeSpan.FromMinutes(1));
        Assert.True(ChannelSecretsProtector.IsProtected(await StoredTokenAsync()));

        // Start-up applies Inbox:Channels again: the declared token did not change, so the refreshed one stays.
        await App.Services.GetRequiredService<ChannelConfigurationSync>().SyncAsync();
        Assert.Equal("IGAA-refreshed", (await App.ChannelAsync("ig")).AccessToken);

        var conversation = await App.AddAsync(ConversationSeed.On("ig"));
        await App.QueueAsync(conversation, new ReplyRequest("Hi", ReplyType.FreeForm));
        await App.SendAsync();
        Assert.Equal("Bearer IGAA-refreshed", Assert.Single(Platform.To($"{Instagram}/{OutboundApp.InstagramId}/messages")).Header("Authorization"));
    }

    [Fact]
    public async Task RefreshDue_FarFromExpiry_WaitsAndNearExpiry_Refreshes()
    {
        Platform.Script(Refresh, FakeResponse.Ok("""{"access_token":"IGAA-next","token_type":"bearer","expires_in":5184000}"""));
        await AgeTokenAsync(TimeSpan.FromDays(10), expiresIn: TimeSpan.FromDays(50));
        Assert.Equal(0, await Refresher.RefreshDueAsync());

        await AgeTokenAsync(TimeSpan.FromDays(40), expiresIn: TimeSpan.FromDays(20));
        Assert.Equal(1, await Refresher.RefreshDueAsync());
        Assert.Single(Platform.To(Refresh));
    }

    [Fact]
    public async Task RefreshDue_MetaRefusesTheToken_PutsTheChannelOnItsTokenAlertAndDoesNotRetryAtOnce()
    {
        Platform.Script(Refresh, FakeResponse.GraphError(400, 190, 463, "Error validating access token: Session has expired"));
        await AgeTokenAsync(TimeSpan.FromDays(58), expiresIn: TimeSpan.FromDays(2));

        Assert.Equal(0, await Refresher.RefreshDueAsync());
        Assert.Equal(0, await Refresher.RefreshDueAsync());

        Assert.Single(Platform.To(Refresh));
        var row = Assert.Single(await App.Services.GetRequiredService<ChannelAdmin>().ListAsync(), r => r.Key == "ig");
        Assert.NotNull(row.AuthError);
        Assert.Equal(TokenExpiry.ExpiringSoon, row.TokenExpiry);
        Assert.Equal("ig-token", (await App.ChannelAsync("ig")).AccessToken);
    }

    [Fact]
    public async Task ListChannels_ExpiredInstagramToken_IsFlagged()
    {
        await AgeTokenAsync(TimeSpan.FromDays(61), expiresIn: TimeSpan.FromHours(-1));

        var rows = await App.Services.GetRequiredService<ChannelAdmin>().ListAsync();

        var instagram = Assert.Single(rows, r => r.Key == "ig");
        Assert.Equal((LoginType.Instagram, TokenExpiry.Expired), (instagram.LoginType, instagram.TokenExpiry));
        Assert.All(rows.Where(r => r.Key != "ig"), r => Assert.Equal(TokenExpiry.Valid, r.TokenExpiry));
        Assert.Equal(0, await Refresher.RefreshDueAsync());
    }

    private InstagramTokenRefresher Refresher => App.Services.GetRequiredService<InstagramTokenRefresher>();

    private async Task AgeTokenAsync(TimeSpan age, TimeSpan? expiresIn)
    {
        var now = App.Now;
        await using var db = App.OpenDb();
        await db.Channels.Where(c => c.Key == "ig").ExecuteUpdateAsync(s => s
            .SetProperty(c => c.AccessTokenIssuedAt, now - age)
            .SetProperty(c => c.AccessTokenExpiresAt, expiresIn is { } left ? now + left : null)
            .SetProperty(c => c.TokenRefreshClaimedAt, (DateTime?)null));
    }

    private async Task<string> StoredTokenAsync()
    {
        await using var db = App.OpenDb();
        return await db.Database.SqlQuery<string>($"SELECT AccessToken AS Value FROM Channels WHERE Key = 'ig'").SingleAsync();
    }
}
