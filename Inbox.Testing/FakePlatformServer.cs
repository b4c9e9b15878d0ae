using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inbox.Testing;

/// <summary>
/// A real HTTP server on loopback that plays Graph and LINE for the app, in-process or as its own process. It records
/// every request as it arrives and answers with the answers scripted for its path (the last one repeats), or else a
/// success in every platform's shape. A held path keeps its calls open, unanswered, until <see cref="Release"/> or
/// until the caller gives up (a stopped or killed app). Unscripted, LINE's retry key works as LINE documents it: a
/// push is accepted on arrival, so a held one has reached the customer although its answer never gets back, and a
/// repeat with an accepted key is answered 409 without being delivered again.
/// </summary>
public sealed class FakePlatformServer : IAsyncDisposable
{
    /// <summary>The Graph API version path the app is pointed at, as in <c>Meta:GraphApiBaseUrl</c>.</summary>
    public const string GraphRoot = "/v25.0";

    /// <summary>LINE's push endpoint.</summary>
    public const string LinePush = "/v2/bot/message/push";

    public const string LineRetryKeyHeader = "X-Line-Retry-Key";

    /// <summary>How long <see cref="WaitForAsync"/> waits before it fails; a safety net against a hung run, not a timing assertion.</summary>
    private static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(60);

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeResponse>> scripts = new();
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly ConcurrentDictionary<string, string> acceptedKeys = new();
    private readonly SemaphoreSlim arrived = new(0);
    private readonly ConcurrentDictionary<string, (TaskCompletionSource Gate, int From)> held = new();
    private readonly ConcurrentDictionary<string, int> arrivals = new();
    private int served;

    private FakePlatformServer(WebApplication app)
    {
        this.app = app;
        app.Run(HandleAsync);
    }

    /// <summary>Root URL, e.g. <c>http://127.0.0.1:41234</c>: <c>Line:ApiBaseUrl</c>, and with <see cref="GraphRoot"/> <c>Meta:GraphApiBaseUrl</c>.</summary>
    public string BaseUrl => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    public static async Task<FakePlatformServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        var server = new FakePlatformServer(builder.Build());
        await server.app.StartAsync();
        return server;
    }

    /// <summary>The Send API path of a Facebook Page.</summary>
    public static string MessengerPath(string pageId) => $"{GraphRoot}/{pageId}/messages";

    /// <summary>Requests to one path (query excluded), in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> To(string path) => [.. requests.Where(r => r.Path == path)];

    /// <summary>Answers for requests to <paramref name="path"/>, in order; the last one repeats.</summary>
    public void Script(string path, params FakeResponse[] responses) => scripts[path] = new ConcurrentQueue<FakeResponse>(responses);

    /// <summary>
    /// Holds requests to <paramref name="path"/> open, unanswered, until <see cref="Release"/> or until the caller gives up;
    /// with <paramref name="from"/>, only the <paramref name="from"/>-th request and later ones, so a test can stop a send
    /// after its first failed calls, at the retry.
    /// </summary>
    public void Hold(string path, int from = 1) => held[path] = (new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), from);

    /// <summary>Answers every held call, and from now on answers calls to held paths at once.</summary>
    public void Release()
    {
        foreach (var (gate, _) in held.Values)
        {
            gate.TrySetResult();
        }
    }

    /// <summary>Waits until <paramref name="count"/> requests to <paramref name="path"/> have arrived.</summary>
    public async Task WaitForAsync(string path, int count = 1)
    {
        var deadline = DateTime.UtcNow + SafetyTimeout;
        while (To(path).Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await arrived.WaitAsync(left))
            {
                throw new TimeoutException($"Expected {count} requests to {path}, got {To(path).Count}.");
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
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = Encoding.UTF8.GetString(buffer.ToArray());
        var parts = await PartsAsync(context.Request.ContentType, buffer.ToArray());
        var path = context.Request.Path.Value ?? "/";
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var number = arrivals.AddOrUpdate(path, 1, (_, count) => count + 1);
        var id = $"fake-{Interlocked.Increment(ref served)}";
        var key = headers.TryGetValue(LineRetryKeyHeader, out var header) && header.Length > 0 && !scripts.ContainsKey(path) ? header : null;
        var repeat = key is not null && !acceptedKeys.TryAdd(key, id);
        requests.Enqueue(new RecordedRequest(context.Request.Method, path, headers, body, Delivered: !repeat, Query: context.Request.QueryString.Value ?? "", Parts: parts));
        arrived.Release();

        if (held.TryGetValue(path, out var hold) && number >= hold.From)
        {
            await hold.Gate.Task.WaitAsync(context.RequestAborted);
        }

        if (repeat)
        {
            // LINE: "The retry key is already accepted", with the ids of the messages the first request sent.
            context.Response.Headers["x-line-accepted-request-id"] = acceptedKeys[key!];
            await AnswerAsync(context, FakeResponse.LineRetryKeyAccepted(acceptedKeys[key!]));
            return;
        }

        var response = Next(path, id);
        if (response == FakeResponse.Drop)
        {
            context.Abort();
            return;
        }

        if (response == FakeResponse.Stall)
        {
            var givenUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (context.RequestAborted.Register(() => givenUp.TrySetResult()))
            {
                await givenUp.Task;
            }

            return;
        }

        await AnswerAsync(context, response);
    }

    /// <summary>A multipart/form-data body's parts, as an upload to Graph carries them; null for any other body.</summary>
    private static async Task<IReadOnlyList<FormPart>?> PartsAsync(string? contentType, byte[] body)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var type) || type.MediaType != "multipart/form-data"
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
        {
            return null;
        }

        var parts = new List<FormPart>();
        var reader = new MultipartReader(boundary, new MemoryStream(body));
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition);
            using var content = new MemoryStream();
            await section.Body.CopyToAsync(content);
            var fileName = disposition?.FileNameStar.Value ?? HeaderUtilities.RemoveQuotes(disposition?.FileName ?? default).Value;
            parts.Add(new FormPart(HeaderUtilities.RemoveQuotes(disposition?.Name ?? default).Value ?? "", fileName, section.ContentType, content.ToArray()));
        }

        return parts;
    }

    private static async Task AnswerAsync(HttpContext context, FakeResponse response)
    {
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        if (response.Bytes is { } bytes)
        {
            await context.Response.Body.WriteAsync(bytes);
            return;
        }

        await context.Response.WriteAsync(response.Body);
    }

    private FakeResponse Next(string path, string id)
    {
        if (scripts.TryGetValue(path, out var queue))
        {
            if (queue.Count > 1 && queue.TryDequeue(out var next))
            {
                return next;
            }

            if (queue.TryPeek(out var last))
            {
                return last;
            }
        }

        return path switch
        {
            // LINE's monthly quota, which the app fetches before pushing: no limit set, nothing used yet.
            _ when path.EndsWith("/quota", StringComparison.Ordinal) => FakeResponse.Ok("""{"type":"none"}"""),
            _ when path.EndsWith("/quota/consumption", StringComparison.Ordinal) => FakeResponse.Ok("""{"totalUsage":0}"""),
            // One body that reads as success to every sender: Send API, comment reply, WhatsApp and LINE.
            _ => FakeResponse.Ok(JsonSerializer.Serialize(new
            {
                recipient_id = "psid",
                message_id = id,
                id,
                messages = new[] { new { id } },
                sentMessages = new[] { new { id, quoteToken = "q" } },
            })),
        };
    }
}
