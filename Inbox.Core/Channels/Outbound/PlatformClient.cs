using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Inbox.Core.Channels.Outbound;

/// <summary>
/// Posts send requests with the channel's token, a time limit per call, and exponential back-off on
/// transient errors (a Polly pipeline on the app's <see cref="TimeProvider"/>). Platform refusals come
/// back classified in the reply; only cancellation throws.
/// </summary>
public sealed class PlatformClient
{
    /// <summary>The named <see cref="HttpClient"/> all platform calls use.</summary>
    public const string HttpClientName = "Inbox.Outbound";

    /// <summary>Carries the send's <see cref="OutboundSend.Retrying"/> to the pipeline, which is shared by every send.</summary>
    private static readonly ResiliencePropertyKey<Func<SendRetry, CancellationToken, Task>> Listener = new("Inbox.Outbound.Retrying");

    private readonly IHttpClientFactory clients;
    private readonly ResiliencePipeline<PlatformReply> retrying;
    private readonly ResiliencePipeline<PlatformReply> once;

    public PlatformClient(IHttpClientFactory clients, IOptions<OutboundOptions> options, TimeProvider time)
    {
        this.clients = clients;
        var settings = options.Value;
        retrying = Build(settings, time, settings.MaxAttempts - 1);
        once = Build(settings, time, 0);
    }

    /// <summary>
    /// Posts <paramref name="request"/>; with <paramref name="retry"/> false it is tried exactly once (a LINE reply token is
    /// single-use). Each failed call that will be retried is reported to <see cref="OutboundSend.Retrying"/> first.
    /// </summary>
    public async Task<PlatformReply> PostAsync(OutboundSend send, PlatformRequest request, bool retry, CancellationToken cancellationToken)
    {
        var calls = 0;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        if (send.Retrying is { } listener)
        {
            context.Properties.Set(Listener, listener);
        }

        try
        {
            return await (retry ? retrying : once).ExecuteAsync(async attempt =>
            {
                var call = Interlocked.Increment(ref calls);
                var token = attempt.CancellationToken;
                using var message = new HttpRequestMessage(HttpMethod.Post, request.Url) { Content = request.Upload?.Invoke() ?? JsonContent.Create(request.Body) };
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", send.Channel.AccessToken ?? "");
                if (request.RetryKey is { } key)
                {
                    message.Headers.Add("X-Line-Retry-Key", key);
                }

                using var response = await clients.CreateClient(HttpClientName).SendAsync(message, token);
                var body = await response.Content.ReadAsStringAsync(token);
                var status = (int)response.StatusCode;
                return new PlatformReply(status, body, SendErrorClassifier.Classify(send.Channel.Kind, status, body, send.Message.TemplateName), call);
            }, context);
        }
        catch (Exception ex) when (ex is TimeoutRejectedException or HttpRequestException)
        {
            return new PlatformReply(0, "", SendErrorClassifier.FromException(ex), calls);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static ValueTask ReportAsync(OnRetryArguments<PlatformReply> args)
    {
        if (!args.Context.Properties.TryGetValue(Listener, out var listener))
        {
            return ValueTask.CompletedTask;
        }

        var error = args.Outcome.Exception is { } exception ? SendErrorClassifier.FromException(exception) : args.Outcome.Result!.Error!;
        return new ValueTask(listener(new SendRetry(args.AttemptNumber + 1, error), args.Context.CancellationToken));
    }

    private static ResiliencePipeline<PlatformReply> Build(OutboundOptions settings, TimeProvider time, int retries)
    {
        var builder = new ResiliencePipelineBuilder<PlatformReply> { TimeProvider = time };
        if (retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<PlatformReply>
            {
                MaxRetryAttempts = retries,
                Delay = settings.FirstRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: TimeoutRejectedException or HttpRequestException } => true,
                    { Result.Error.Kind: SendErrorKind.Transient } => true,
                    _ => false,
                }),
                OnRetry = ReportAsync,
            });
        }

        return builder.AddTimeout(settings.RequestTimeout).Build();
    }
}
