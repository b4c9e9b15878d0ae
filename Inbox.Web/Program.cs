using Inbox.Core;
using Inbox.Web;
using Inbox.Web.Components;
using Inbox.Web.Endpoints;
using Inbox.Web.Localization;
using Inbox.Web.Realtime;
using Inbox.Web.Security;
using Microsoft.Extensions.Options;

var builder = WebApplication.CreateBuilder(args);
builder.AddInboxConfiguration();
builder.Services.AddInboxCore(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddInboxWeb(builder.Configuration);
builder.Services.AddInboxLocalization();

var app = builder.Build();
try
{
    await app.Services.InitializeInboxAsync();
}
catch (Exception ex) when (ex is (StartupRefusedException or OptionsValidationException) && RunAsProgram)
{
    // A setting must change: say which and stop with a plain failure code, not an unhandled exception's abort.
    // (Hosted by a test's WebApplicationFactory, the exception goes on to the test instead.)
    app.Logger.LogCritical("Inbox did not start: {Reason}", ex.Message);
    await app.DisposeAsync();
    return 1;
}

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

try
{
    await app.RunAsync();
}
catch (OptionsValidationException ex) when (RunAsProgram)
{
    // Settings validated when the services start (ValidateOnStart): the same plain refusal as above. The host has logged
    // the failure and is disposed by now, its logger with it, so the reason goes straight to standard error.
    Console.Error.WriteLine($"Inbox did not start: {ex.Message}");
    return 1;
}

return 0;

/// <summary>Entry point; public so integration tests can host the app.</summary>
public partial class Program
{
    /// <summary>Started as its own process (not hosted inside a test run).</summary>
    private static bool RunAsProgram => System.Reflection.Assembly.GetEntryAssembly() == typeof(Program).Assembly;
}
