using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inbox.Tests.TestSupport;

/// <summary>
/// A real HTTP server on loopback that plays Graph and LINE: it records every request and answers
/// with scripted responses per path (the last one scripted repeats), or a success in every platform's shape.
/// Requests can be held open to stand for a call in flight when the app stops.
/// </summary>
public sealed class FakePlatformServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeResponse>> scripts = new();
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly SemaphoreSlim arrived = new(0);
    private readonly ConcurrentDictionary<string, (TaskCompletionSource Gate, int From)> held = new();
    private readonly ConcurrentDictionary<string, int> arrivals = new();
    private int served;

    private FakePlatformServer(WebApplication app)
    {
        this.app = app;
        app.Run(HandleAsync);
    }

    /// <summary>Root URL, e.g. <c>http://127.0.0.1:41234</c>.</summary>
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

    public void Release()
    {
        foreach (var (gate, _) in held.Values)
        {
            gate.TrySetResult();
        }
    }

    /// <summary>Waits until <paramref name="count"/> requests to <paramref name="path"/> have arrived; the limit only guards against a hung run.</summary>
    public async Task WaitForAsync(string path, int count = 1)
    {
        while (To(path).Count < count)
        {
            if (!await arrived.WaitAsync(TimeSpan.FromSeconds(30)))
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
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var path = context.Request.Path.Value ?? "/";
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var number = arrivals.AddOrUpdate(path, 1, (_, count) => count + 1);
        requests.Enqueue(new RecordedRequest(context.Request.Method, path, headers, body));
        arrived.Release();

        if (held.TryGetValue(path, out var hold) && number >= hold.From)
        {
            await hold.Gate.Task.WaitAsync(context.RequestAborted);
        }

        var response = Next(path);
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

        context.Response.StatusCode = response.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(response.Body);
    }

    private FakeResponse Next(string path)
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

        var id = $"fake-{Interlocked.Increment(ref served)}";
        return path switch
        {
            _ when path.EndsWith("/quota", StringComparison.Ordinal) => FakeResponse.Ok("""{"type":"none"}"""),
            _ when path.EndsWith("/quota/consumption", StringComparison.Ordinal) => FakeResponse.Ok("""{"totalUsage":0}"""),
            // One body that reads as success to every sender: Send API, comment reply, WhatsApp and LINE.
            _ => FakeResponse.Ok($$$"""{"message_id":"{{{id}}}","id":"{{{id}}}","messages":[{"id":"{{{id}}}"}],"sentMessages":[{"id":"{{{id}}}"}]}"""),
        };
    }
}
