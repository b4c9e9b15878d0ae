using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inbox.E2E.Infrastructure;

/// <summary>
/// Graph's Send API and LINE's push API, played on loopback inside the test process for an app running as its own
/// process. Every call is recorded as it arrives. A held path keeps its calls open, unanswered, until
/// <see cref="Release"/> or until the caller's connection dies (a killed app). LINE's retry key works as LINE
/// documents it: a push is accepted on arrival, so a held one has reached the customer although its answer never
/// gets back, and a repeat with an accepted key is answered 409 without being delivered again.
/// </summary>
public sealed class FakePlatform : IAsyncDisposable
{
    /// <summary>The Graph API version path the app is pointed at, as in <c>Meta:GraphApiBaseUrl</c>.</summary>
    public const string GraphRoot = "/v25.0";

    /// <summary>LINE's push endpoint.</summary>
    public const string LinePush = "/v2/bot/message/push";

    private static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(60);

    private readonly WebApplication app;
    private readonly ConcurrentQueue<PlatformCall> calls = new();
    private readonly ConcurrentDictionary<string, string> acceptedKeys = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> held = new();
    private readonly SemaphoreSlim arrived = new(0);
    private int sent;

    private FakePlatform(WebApplication app)
    {
        this.app = app;
        app.Run(HandleAsync);
    }

    /// <summary>Root URL, e.g. <c>http://127.0.0.1:41234</c>: <c>Line:ApiBaseUrl</c>, and with <see cref="GraphRoot"/> <c>Meta:GraphApiBaseUrl</c>.</summary>
    public string BaseUrl => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

    public static async Task<FakePlatform> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        var platform = new FakePlatform(builder.Build());
        await platform.app.StartAsync();
        return platform;
    }

    /// <summary>The Send API path of a Facebook Page.</summary>
    public static string MessengerPath(string pageId) => $"{GraphRoot}/{pageId}/messages";

    /// <summary>Calls to <paramref name="path"/> so far, in arrival order.</summary>
    public IReadOnlyList<PlatformCall> CallsTo(string path) => [.. calls.Where(c => c.Path == path)];

    /// <summary>Keeps calls to <paramref name="path"/> open, unanswered, until <see cref="Release"/>.</summary>
    public void Hold(string path) => held[path] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Answers every held call, and from now on answers calls to held paths at once.</summary>
    public void Release()
    {
        foreach (var gate in held.Values)
        {
            gate.TrySetResult();
        }
    }

    /// <summary>Waits until <paramref name="count"/> calls to <paramref name="path"/> have arrived; the limit only guards against a hung run.</summary>
    public async Task WaitForAsync(string path, int count = 1)
    {
        var deadline = DateTime.UtcNow + SafetyTimeout;
        while (CallsTo(path).Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await arrived.WaitAsync(left))
            {
                throw new TimeoutException($"Expected {count} calls to {path}, got {CallsTo(path).Count}.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        await app.DisposeAsync();
        arrived.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (HttpMethods.IsGet(context.Request.Method))
        {
            // LINE's monthly quota, which the app fetches before pushing: no limit set, nothing used yet.
            await AnswerAsync(context, 200, path.EndsWith("/consumption", StringComparison.Ordinal) ? new { totalUsage = 0 } : new { type = "none" });
            return;
        }

        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var key = context.Request.Headers["X-Line-Retry-Key"].ToString() is { Length: > 0 } header ? header : null;
        var id = $"fake-{Interlocked.Increment(ref sent)}";
        var repeat = key is not null && !acceptedKeys.TryAdd(key, id);
        calls.Enqueue(new PlatformCall(path, key, body, Delivered: !repeat));
        arrived.Release();

        if (held.TryGetValue(path, out var gate))
        {
            await gate.Task.WaitAsync(context.RequestAborted);
        }

        if (repeat)
        {
            // LINE: "The retry key is already accepted", with the ids of the messages the first request sent.
            context.Response.Headers["x-line-accepted-request-id"] = acceptedKeys[key!];
            await AnswerAsync(context, 409, new { message = "The retry key is already accepted", sentMessages = new[] { new { id = acceptedKeys[key!], quoteToken = "q" } } });
            return;
        }

        await AnswerAsync(context, 200, path == LinePush
            ? new { sentMessages = new[] { new { id, quoteToken = "q" } } }
            : new { recipient_id = "psid", message_id = id });
    }

    private static async Task AnswerAsync(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
