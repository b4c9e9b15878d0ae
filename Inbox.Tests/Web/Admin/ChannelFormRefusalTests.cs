using System.Globalization;
using Bunit;
using Inbox.Core.Channels;
using Inbox.Tests.Channels;
using Inbox.Web.Components.Pages.Admin;

namespace Inbox.Tests.Web.Admin;

/// <summary>The channel editor's refusals, decided in Core, read in the admin's language under the field at fault.</summary>
public sealed class ChannelFormRefusalTests : IAsyncLifetime
{
    private ChannelAdminFixture fixture = default!;

    public async Task InitializeAsync() => fixture = await ChannelAdminFixture.StartAsync();

    public Task DisposeAsync()
    {
        fixture.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("en", "Another channel already uses the key acme-line.", "Page id")]
    [InlineData("pt-BR", "Outro canal já usa a chave acme-line.", "ID da página")]
    [InlineData("ru", "Другой канал уже использует ключ acme-line.", "ID страницы")]
    public async Task Save_KeyAlreadyTaken_ShowsTheRefusalUnderTheKeyInTheAdminsLanguage(string culture, string refusal, string externalIdLabel)
    {
        await fixture.AddChannelAsync("acme-line");
        var draft = new ChannelDraft { Key = "acme-line", Kind = ChannelKind.Messenger, Name = "Acme", ExternalId = "555", AccessToken = "page-token-1234" };
        var result = await fixture.Admin.CreateAsync(draft, "admin@inbox.test");

        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            await using var ctx = MudTestContext.Create();
            ctx.RenderPopovers();
            var cut = ctx.Render<ChannelForm>(p => p.Add(c => c.Draft, draft).Add(c => c.BaseUrl, "https://inbox.example").Add(c => c.Error, result));

            var error = Assert.Single(cut.FindAll("[data-testid=channel-form-error]"));
            Assert.Equal(refusal, error.TextContent.Trim());
            Assert.Contains(externalIdLabel, cut.FindAll("label").Select(l => l.TextContent.Trim()));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }
}
