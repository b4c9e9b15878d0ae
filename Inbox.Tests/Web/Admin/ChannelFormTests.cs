using Bunit;
using Inbox.Core.Channels;
using Inbox.Web.Components.Pages.Admin;

namespace Inbox.Tests.Web.Admin;

/// <summary>The channel form asks how an Instagram account is connected, and only for Instagram.</summary>
public sealed class ChannelFormTests
{
    [Theory]
    [InlineData(ChannelKind.Instagram, LoginType.Instagram, "Instagram user token; refreshed by Inbox before it expires.")]
    [InlineData(ChannelKind.Instagram, LoginType.Facebook, "Page access token of the linked Facebook Page.")]
    public async Task Render_InstagramChannel_OffersTheLoginTypeWithWhatTheTokenIs(ChannelKind kind, LoginType login, string help)
    {
        await using var ctx = MudTestContext.Create();
        ctx.RenderPopovers();

        var cut = ctx.Render<ChannelForm>(p => p.Add(c => c.Draft, new ChannelDraft { Kind = kind, LoginType = login }).Add(c => c.BaseUrl, "https://inbox.example"));

        Assert.Single(cut.FindAll("[data-testid=channel-login-type]"));
        Assert.Contains(help, cut.FindAll(".mud-input-helper-text").Select(e => e.TextContent.Trim()));
    }

    [Theory]
    [InlineData(ChannelKind.Messenger)]
    [InlineData(ChannelKind.WhatsApp)]
    [InlineData(ChannelKind.Line)]
    public async Task Render_OtherPlatforms_HaveNoLoginType(ChannelKind kind)
    {
        await using var ctx = MudTestContext.Create();
        ctx.RenderPopovers();

        var cut = ctx.Render<ChannelForm>(p => p.Add(c => c.Draft, new ChannelDraft { Kind = kind }).Add(c => c.BaseUrl, "https://inbox.example"));

        Assert.Empty(cut.FindAll("[data-testid=channel-login-type]"));
    }
}
