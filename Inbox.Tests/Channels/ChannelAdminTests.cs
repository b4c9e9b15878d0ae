using Microsoft.EntityFrameworkCore;
using Inbox.Core.Channels;
using Inbox.Core.Events;
using Inbox.Tests.TestSupport;

namespace Inbox.Tests.Channels;

public sealed class ChannelAdminTests : IAsyncLifetime
{
    private const string Actor = "admin@inbox.test";
    private ChannelAdminFixture fixture = default!;

    private ChannelAdmin Admin => fixture.Admin;

    public async Task InitializeAsync() => fixture = await ChannelAdminFixture.StartAsync();

    public Task DisposeAsync()
    {
        fixture.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Create_ValidLineChannel_IsListedWithSecretsMaskedAndItsWebhookPath()
    {
        var result = await Admin.CreateAsync(ALineDraft(), Actor);

        Assert.True(result.Succeeded, result.Error);
        var row = Assert.Single(await Admin.ListAsync());
        Assert.Equal(("acme-line", ChannelKind.Line, "Acme LINE", "U0123456789"), (row.Key, row.Kind, row.Name, row.ExternalId));
        Assert.Equal("••••5678", row.MaskedAccessToken);
        Assert.Equal("••••cdef", row.MaskedChannelSecret);
        Assert.Equal("/webhooks/line/acme-line", row.WebhookPath);
        Assert.False(row.FromConfiguration || row.Simulated);
        var stored = await fixture.ReadAsync(result.ChannelId!.Value);
        Assert.Equal(("line-token-12345678", "line-secret-abcdef"), (stored.AccessToken, stored.ChannelSecret));
        Assert.Equal(fixture.Time.UtcNow, stored.CreatedAt);
    }

    [Theory]
    [InlineData("no key", "Key", "Key is required.")]
    [InlineData("bad key", "Key", "Key must be 1–64 lower-case letters")]
    [InlineData("no name", "Name", "Name is required.")]
    [InlineData("no external id", "ExternalId", "LINE bot user id is required.")]
    [InlineData("no secret", "ChannelSecret", "needs its channel secret")]
    [InlineData("no token", "AccessToken", "An access token is required")]
    public async Task Create_MissingOrMalformedField_IsRefusedNamingTheField(string fault, string field, string message)
    {
        var draft = ALineDraft();
        Action<ChannelDraft> spoil = fault switch
        {
            "no key" => d => d.Key = " ",
            "bad key" => d => d.Key = "Acme LINE",
            "no name" => d => d.Name = "",
            "no external id" => d => d.ExternalId = "",
            "no secret" => d => d.ChannelSecret = null,
            _ => d => d.AccessToken = "",
        };
        spoil(draft);

        var result = await Admin.CreateAsync(draft, Actor);

        Assert.Equal(ChannelAdminStatus.Invalid, result.Status);
        Assert.Equal(field, result.Field);
        Assert.Contains(message, result.Error);
        Assert.Empty(await Admin.ListAsync());
    }

    [Fact]
    public async Task Create_DuplicateKey_IsRefused()
    {
        await fixture.AddChannelAsync("acme-line");

        var result = await Admin.CreateAsync(ALineDraft(), Actor);

        Assert.Equal(("Key", "Another channel already uses the key acme-line."), (result.Field, result.Error));
    }

    [Fact]
    public async Task Create_ExternalIdTakenOnSamePlatform_IsRefusedButOtherPlatformAccepted()
    {
        await fixture.AddChannelAsync("acme-fb", ChannelKind.Messenger, c => c.ExternalId = "555");
        var draft = new ChannelDraft { Key = "acme-fb-2", Kind = ChannelKind.Messenger, Name = "Acme 2", ExternalId = "555", AccessToken = "EAAB-token" };

        var duplicate = await Admin.CreateAsync(draft, Actor);
        draft.Kind = ChannelKind.Instagram;
        var otherPlatform = await Admin.CreateAsync(draft, Actor);

        Assert.Equal(("ExternalId", "Another Messenger channel already has Page id 555."), (duplicate.Field, duplicate.Error));
        Assert.True(otherPlatform.Succeeded, otherPlatform.Error);
    }

    [Fact]
    public async Task Update_BlankSecrets_KeepsTheStoredOnes()
    {
        var id = (await Admin.CreateAsync(ALineDraft(), Actor)).ChannelId!.Value;
        var edit = ChannelDraft.Of((await Admin.ListAsync()).Single());
        edit.Name = "Acme LINE Japan";

        var result = await Admin.UpdateAsync(id, edit, Actor);

        Assert.True(result.Succeeded, result.Error);
        var stored = await fixture.ReadAsync(id);
        Assert.Equal(("Acme LINE Japan", "line-token-12345678", "line-secret-abcdef"), (stored.Name, stored.AccessToken, stored.ChannelSecret));
    }

    [Fact]
    public async Task Update_NewAccessToken_ClearsTheTokenAlertAndAnnouncesIt()
    {
        var channel = await fixture.AddChannelAsync("acme-fb", configure: c => (c.AuthError, c.AuthErrorAt) = ("Graph 190: token expired", fixture.Time.UtcNow));
        var edit = ChannelDraft.Of((await Admin.ListAsync()).Single());
        edit.AccessToken = "EAAB-fresh-token";

        var result = await Admin.UpdateAsync(channel.Id, edit, Actor);

        Assert.True(result.Succeeded, result.Error);
        var stored = await fixture.ReadAsync(channel.Id);
        Assert.Equal(("EAAB-fresh-token", null, null), (stored.AccessToken, stored.AuthError, stored.AuthErrorAt));
        Assert.Equal([new ChannelReauthorised(channel.Id)], fixture.Reauthorised.Received);
    }

    [Fact]
    public async Task Update_OtherFieldsOnly_KeepsTheTokenAlert()
    {
        var channel = await fixture.AddChannelAsync("acme-fb", configure: c => (c.AuthError, c.AuthErrorAt) = ("Graph 190: token expired", fixture.Time.UtcNow));
        var edit = ChannelDraft.Of((await Admin.ListAsync()).Single());
        edit.Name = "Acme Support";

        await Admin.UpdateAsync(channel.Id, edit, Actor);

        Assert.Equal("Graph 190: token expired", (await fixture.ReadAsync(channel.Id)).AuthError);
        Assert.Empty(fixture.Reauthorised.Received);
    }

    [Fact]
    public async Task UpdateAndDelete_ChannelFromConfiguration_AreRefusedPointingToConfiguration()
    {
        var channel = await fixture.AddChannelAsync("acme-fb", configure: c => c.FromConfiguration = true);
        var edit = ChannelDraft.Of((await Admin.ListAsync()).Single());
        edit.AccessToken = "EAAB-fresh-token";

        var update = await Admin.UpdateAsync(channel.Id, edit, Actor);
        var delete = await Admin.DeleteAsync(channel.Id, Actor);

        Assert.All([update, delete], r => Assert.Equal("This channel is declared in configuration (Inbox:Channels); edit it there.", r.Error));
        Assert.Equal("stored-token-acme-fb", (await fixture.ReadAsync(channel.Id)).AccessToken);
    }

    [Fact]
    public async Task Delete_ChannelWithConversations_IsRefusedAndKept()
    {
        var channel = await fixture.AddChannelAsync("acme-fb");
        await fixture.AddConversationAsync(channel.Id);

        var result = await Admin.DeleteAsync(channel.Id, Actor);

        Assert.Equal(ChannelAdminStatus.Invalid, result.Status);
        Assert.Equal("Channel acme-fb cannot be deleted: it has 1 conversation(s), and deleting it would delete their history.", result.Error);
        Assert.Equal(1, Assert.Single(await Admin.ListAsync()).ConversationCount);
    }

    [Fact]
    public async Task Delete_ChannelWithoutConversations_RemovesIt()
    {
        var channel = await fixture.AddChannelAsync("acme-fb");

        var result = await Admin.DeleteAsync(channel.Id, Actor);

        Assert.True(result.Succeeded, result.Error);
        Assert.Empty(await Admin.ListAsync());
    }

    [Fact]
    public async Task Update_KindOfChannelWithConversations_IsRefused()
    {
        var channel = await fixture.AddChannelAsync("acme-fb");
        await fixture.AddConversationAsync(channel.Id);
        var edit = ChannelDraft.Of((await Admin.ListAsync()).Single());
        edit.Kind = ChannelKind.Instagram;

        var result = await Admin.UpdateAsync(channel.Id, edit, Actor);

        Assert.Equal(nameof(ChannelDraft.Kind), result.Field);
    }

    [Fact]
    public async Task Update_SimulatedChannelWithoutToken_IsAccepted()
    {
        var channel = await fixture.AddChannelAsync("demo-fb", configure: c => (c.Simulated, c.AccessToken) = (true, null));
        var edit = ChannelDraft.Of((await Admin.ListAsync()).Single());
        edit.HumanAgentApproved = true;

        var result = await Admin.UpdateAsync(channel.Id, edit, Actor);

        Assert.True(result.Succeeded, result.Error);
        Assert.True((await fixture.ReadAsync(channel.Id)).HumanAgentApproved);
    }

    [Fact]
    public async Task UpdateAndDelete_UnknownChannel_ReturnNotFound()
    {
        var update = await Admin.UpdateAsync(42, ALineDraft(), Actor);
        var delete = await Admin.DeleteAsync(42, Actor);

        Assert.Equal((ChannelAdminStatus.NotFound, ChannelAdminStatus.NotFound), (update.Status, delete.Status));
    }

    [Fact]
    public async Task CreateAndUpdate_Changes_AreLoggedWithTheAdminAndWithoutSecrets()
    {
        var id = (await Admin.CreateAsync(ALineDraft(), Actor)).ChannelId!.Value;
        var edit = ChannelDraft.Of((await Admin.ListAsync()).Single());
        edit.AccessToken = "line-token-new-99";

        await Admin.UpdateAsync(id, edit, Actor);

        Assert.Contains(fixture.Log.Lines, l => l.StartsWith($"{Actor} added Line channel acme-line", StringComparison.Ordinal));
        Assert.Contains($"{Actor} changed channel acme-line: AccessToken", fixture.Log.Lines);
        Assert.DoesNotContain(fixture.Log.Lines, l => l.Contains("line-token") || l.Contains("line-secret"));
    }

    [Fact]
    public async Task CreateUpdateDelete_AreWrittenToTheAuditLogWithoutSecretValues()
    {
        var created = await Admin.CreateAsync(ALineDraft(), Actor);
        var changed = ALineDraft();
        changed.Name = "Acme LINE JP";
        changed.AccessToken = "new-line-token-999";
        await Admin.UpdateAsync(created.ChannelId!.Value, changed, Actor);
        await Admin.DeleteAsync(created.ChannelId!.Value, Actor);

        await using var db = fixture.Database.Open();
        var entries = await db.Set<Inbox.Core.Audit.AuditEntry>().OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["channel.created", "channel.updated", "channel.deleted"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal((Actor, "channel acme-line"), (e.Actor, e.Target)));
        Assert.Equal("Name changed, access token replaced", entries[1].Detail);
        Assert.DoesNotContain(entries, e => (e.Detail ?? "").Contains("token-", StringComparison.Ordinal) || (e.Detail ?? "").Contains("secret-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuditLog_UpdateOrDeleteOfAnEntry_IsRefusedByTheDatabase()
    {
        await Admin.CreateAsync(ALineDraft(), Actor);
        await using var db = fixture.Database.Open();

        var edit = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE AuditEntries SET Actor = 'someone else'"));
        var erase = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("DELETE FROM AuditEntries"));

        Assert.Contains("append-only", edit?.Message);
        Assert.Contains("append-only", erase?.Message);
        Assert.Equal(Actor, (await db.Set<Inbox.Core.Audit.AuditEntry>().SingleAsync()).Actor);
    }

    [Fact]
    public async Task CreateAndUpdate_InstagramLogin_IsStoredOnlyForInstagramAndANewTokenRestartsItsClock()
    {
        var refused = await Admin.CreateAsync(new ChannelDraft { Key = "acme-fb", Kind = ChannelKind.Messenger, Name = "Page", ExternalId = "104", AccessToken = "EAAB-1", LoginType = LoginType.Instagram }, Actor);
        Assert.Equal((false, nameof(ChannelDraft.LoginType)), (refused.Succeeded, refused.Field));

        var draft = new ChannelDraft { Key = "acme-ig", Kind = ChannelKind.Instagram, Name = "@acme", ExternalId = "17841400000001", AccessToken = "IGAA-first", LoginType = LoginType.Instagram };
        var created = await Admin.CreateAsync(draft, Actor);
        Assert.True(created.Succeeded, created.Error);
        var row = Assert.Single(await Admin.ListAsync());
        Assert.Equal((LoginType.Instagram, true, TokenExpiry.Valid), (row.LoginType, row.UsesInstagramLogin, row.TokenExpiry));
        Assert.Equal(LoginType.Instagram, ChannelDraft.Of(row).LoginType);

        await using (var db = fixture.Database.Open())
        {
            await db.Channels.ExecuteUpdateAsync(s => s.SetProperty(c => c.AccessTokenExpiresAt, fixture.Time.UtcNow.AddDays(2)));
        }

        Assert.Equal(TokenExpiry.ExpiringSoon, Assert.Single(await Admin.ListAsync()).TokenExpiry);
        fixture.Time.Advance(TimeSpan.FromHours(1));
        var updated = await Admin.UpdateAsync(created.ChannelId!.Value, new ChannelDraft { Key = "acme-ig", Kind = ChannelKind.Instagram, Name = "@acme", ExternalId = "17841400000001", AccessToken = "IGAA-second", LoginType = LoginType.Instagram }, Actor);
        Assert.True(updated.Succeeded, updated.Error);
        var stored = await fixture.ReadAsync(created.ChannelId.Value);
        Assert.Equal(("IGAA-second", fixture.Time.UtcNow, (DateTime?)null), (stored.AccessToken, stored.AccessTokenIssuedAt!.Value, stored.AccessTokenExpiresAt));
        Assert.Equal(TokenExpiry.Valid, Assert.Single(await Admin.ListAsync()).TokenExpiry);
    }

    private static ChannelDraft ALineDraft() => new()
    {
        Key = "acme-line",
        Kind = ChannelKind.Line,
        Name = "Acme LINE",
        ExternalId = "U0123456789",
        AccessToken = "line-token-12345678",
        ChannelSecret = "line-secret-abcdef",
    };
}
