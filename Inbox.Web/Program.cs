using Inbox.Core;
using Inbox.Web;
using Inbox.Web.Components;
using Inbox.Web.Endpoints;
using Inbox.Web.Localization;
using Inbox.Web.Realtime;
using Inbox.Web.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddInboxConfiguration();
builder.Services.AddInboxCore(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddInboxWeb(builder.Configuration);
builder.Services.AddInboxLocalization();

var app = builder.Build();
await app.Services.InitializeInboxAsync();

app.UseTransportSecurity();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

app.UseStatusCodePages();
app.UseRequestLocalization();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapAccountEndpoints();
app.MapLanguageChoice();
app.MapWebhooks();
app.MapApi();
app.MapReports();
app.MapRealtime();
app.MapMedia();
app.MapJobsDashboard();
app.MapApiDocumentation();
app.MapHealth();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode().AllowAnonymousCircuits().NotFoundWithoutDemo();

app.Run();

/// <summary>Entry point; public so integration tests can host the app.</summary>
public partial class Program;
