using System.Net;
using Inbox.Core.Channels;
using Inbox.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Security;

public sealed class AuditLogPageTests : IDisposable
{
    private readonly InboxAppFactory app = new();

    [Fact]
    public async Task AuditPage_Supervisor_SeesAdminChangesWithoutTheSecret()
    {
        var admin = app.Services.GetRequiredService<ChannelAdmin>();
        await admin.CreateAsync(
            new ChannelDraft { Key = "acme-fb", Kind = ChannelKind.Messenger, Name = "Acme", ExternalId = "5550001", AccessToken = "EAAB-very-secret-token" },
            "Ada Admin");
        var supervisor = await CookieSignIn.SignedInAsync(app, "supervisor@inbox.demo");

        var response = await supervisor.GetAsync("/supervisor/audit");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("channel.created", html);
        Assert.Contains("channel acme-fb", html);
        Assert.Contains("Ada Admin", html);
        Assert.DoesNotContain("very-secret", html);
    }

    [Fact]
    public async Task AuditPage_SeededLogins_ShownAsCreatedUsersWithTheirRole()
    {
        var supervisor = await CookieSignIn.SignedInAsync(app, "supervisor@inbox.demo");

        var html = await supervisor.GetStringAsync("/supervisor/audit");

        Assert.Contains("user.created", html);
        Assert.Contains("user supervisor@inbox.demo", html);
        Assert.Contains("role Supervisor", html);
    }

    public void Dispose() => app.Dispose();
}
