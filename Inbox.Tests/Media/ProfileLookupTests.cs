using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Media;

public sealed class ProfileLookupTests : MediaTestBase
{
    private const string Psid = "6100000000000009";

    [Fact]
    public async Task Messenger_NewContact_GetsRealNameAndPictureServedByTheApp()
    {
        Platform.Script($"{Graph}/{Psid}", FakeResponse.Ok($$"""{"first_name":"Mika","last_name":"Tanaka","profile_pic":"{{Platform.BaseUrl}}/cdn/mika.jpg","id":"{{Psid}}"}"""));
        Platform.Script("/cdn/mika.jpg", FakeResponse.File(Jpeg, "image/jpeg"));
        await PostMessengerTextAsync("m_P1");
        await LookUpProfilesAsync();

        var lookup = Assert.Single(Platform.To($"{Graph}/{Psid}"));
        Assert.Equal("?fields=first_name,last_name,profile_pic", lookup.Query);
        Assert.Equal("Bearer EAAB-page-token", lookup.Header("Authorization"));
        var contact = await ContactAsync();
        Assert.Equal("Mika Tanaka", contact.Name);
        Assert.Equal("Mika Tanaka", (await ConversationAsync()).GetProperty("contact").GetProperty("name").GetString());
        var avatar = await Api.GetAsync($"/media/avatars/{contact.Id}");
        Assert.Equal("image/jpeg", avatar.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Jpeg, await avatar.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Instagram_NewContact_UsesNameOrElseUsername()
    {
        Platform.Script($"{Graph}/1789000000000077", FakeResponse.Ok("""{"username":"mika.t","id":"1789000000000077"}"""));
        await Webhooks.MetaRawAsync(MetaMessage("instagram", InstagramId, "1789000000000077", "aWdfZAG77", "[]").Replace("\"attachments\":[]", "\"text\":\"hi\""));
        await ProcessAsync();
        await LookUpProfilesAsync();

        Assert.Equal("?fields=name,username,profile_pic", Assert.Single(Platform.To($"{Graph}/1789000000000077")).Query);
        Assert.Equal("@mika.t", (await ContactAsync()).Name);
    }

    [Fact]
    public async Task Line_NewContact_GetsDisplayName()
    {
        const string userId = "U4af4980629000000000000000000000b";
        Platform.Script($"/line-api/v2/bot/profile/{userId}", FakeResponse.Ok($$"""{"displayName":"さくら","userId":"{{userId}}","language":"ja","pictureUrl":"{{Platform.BaseUrl}}/line-cdn/sakura","statusMessage":"Hello"}"""));
        Platform.Script("/line-cdn/sakura", FakeResponse.File(Jpeg, "image/jpeg"));
        await Webhooks.LineRawAsync(LineKey, LineMessage(userId, "01FZ74A0TDDPYRVKNK77XKC3ZX", """{"id":"325711","type":"text","text":"こんにちは"}"""), LineSecret);
        await ProcessAsync();
        await LookUpProfilesAsync();

        Assert.Equal("Bearer line-token", Assert.Single(Platform.To($"/line-api/v2/bot/profile/{userId}")).Header("Authorization"));
        var contact = await ContactAsync();
        Assert.Equal("さくら", contact.Name);
        Assert.NotNull(contact.AvatarFile);
    }

    [Fact]
    public async Task Lookup_Fails_KeepsThePlaceholderAndTriesAgainLater()
    {
        Platform.Script($"{Graph}/{Psid}", FakeResponse.GraphError(500, 2, null, "Service temporarily unavailable"), FakeResponse.Ok("""{"first_name":"Mika","last_name":"Tanaka"}"""));
        await PostMessengerTextAsync("m_P2");
        await LookUpProfilesAsync();

        var failed = await ContactAsync();
        Assert.Equal("Messenger user 0009", failed.Name);
        Assert.True(failed.ProfileRetryAt > DateTime.UtcNow.AddMinutes(50), "the next try waits for the retry delay");
        await LookUpProfilesAsync();
        Assert.Single(Platform.To($"{Graph}/{Psid}"));
        await using (var db = App.OpenDb())
        {
            await db.Contacts.ExecuteUpdateAsync(s => s.SetProperty(c => c.ProfileRetryAt, DateTime.UtcNow.AddSeconds(-1)));
        }

        await LookUpProfilesAsync();

        Assert.Equal(2, Platform.To($"{Graph}/{Psid}").Count);
        Assert.Equal("Mika Tanaka", (await ContactAsync()).Name);
    }

    [Fact]
    public async Task Lookup_TokenRefused_PutsTheChannelOnItsTokenAlertAndStops()
    {
        Platform.Script($"{Graph}/{Psid}", FakeResponse.GraphError(400, 190, 460, "Error validating access token: The session has been invalidated"));
        await PostMessengerTextAsync("m_P3");
        await LookUpProfilesAsync();
        await LookUpProfilesAsync();

        Assert.Single(Platform.To($"{Graph}/{Psid}"));
        Assert.Equal("Messenger user 0009", (await ContactAsync()).Name);
        await using var db = App.OpenDb();
        Assert.Contains("access token", (await db.Channels.SingleAsync(c => c.Key == "acme-fb")).AuthError);
    }

    [Fact]
    public async Task Lookup_OlderThanAWeek_IsRefreshed_NewerIsNot()
    {
        Platform.Script($"{Graph}/{Psid}", FakeResponse.Ok("""{"first_name":"Mika","last_name":"Tanaka"}"""), FakeResponse.Ok("""{"first_name":"Mika","last_name":"Sato"}"""));
        await PostMessengerTextAsync("m_P4");
        await LookUpProfilesAsync();
        await BackdateLookupAsync(TimeSpan.FromDays(6));
        await LookUpProfilesAsync();

        Assert.Single(Platform.To($"{Graph}/{Psid}"));
        await BackdateLookupAsync(TimeSpan.FromDays(8));
        await LookUpProfilesAsync();

        Assert.Equal(2, Platform.To($"{Graph}/{Psid}").Count);
        Assert.Equal("Mika Sato", (await ContactAsync()).Name);
    }

    [Fact]
    public async Task Avatar_WithoutSignIn_IsRefused()
    {
        Platform.Script($"{Graph}/{Psid}", FakeResponse.Ok($$"""{"first_name":"Mika","profile_pic":"{{Platform.BaseUrl}}/cdn/mika.jpg"}"""));
        Platform.Script("/cdn/mika.jpg", FakeResponse.File(Jpeg, "image/jpeg"));
        await PostMessengerTextAsync("m_P5");
        await LookUpProfilesAsync();

        var response = await App.CreateClient().GetAsync($"/media/avatars/{(await ContactAsync()).Id}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task PostMessengerTextAsync(string mid)
    {
        await Webhooks.MetaRawAsync(MetaMessage("page", PageId, Psid, mid, "[]").Replace("\"attachments\":[]", "\"text\":\"Hello\""));
        await ProcessAsync();
    }

    private async Task<Inbox.Core.Conversations.Contact> ContactAsync()
    {
        await using var db = App.OpenDb();
        return await db.Contacts.SingleAsync();
    }

    private async Task BackdateLookupAsync(TimeSpan age)
    {
        await using var db = App.OpenDb();
        var at = DateTime.UtcNow - age;
        await db.Contacts.ExecuteUpdateAsync(s => s.SetProperty(c => c.ProfileFetchedAt, at));
    }
}
