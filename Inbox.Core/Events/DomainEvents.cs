using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inbox.Core.Events;

/// <summary>
/// A plain in-process dispatcher: events are published after <c>SaveChanges</c>, first to the batch handlers (once, with
/// every event), then to every single-event handler, event by event. A failing handler is logged and does not stop the
/// others: the saved change stands either way.
/// </summary>
public sealed class DomainEvents(IServiceScopeFactory scopes, ILogger<DomainEvents> logger, HandlerTimings? timings = null)
{
    public Task PublishAsync<TEvent>(TEvent domainEvent, CancellationToken cancellationToken = default)
        where TEvent : notnull =>
        PublishAllAsync([domainEvent], cancellationToken);

    /// <summary>Publishes the events of one unit of work, in order.</summary>
    public async Task PublishAllAsync<TEvent>(IReadOnlyList<TEvent> domainEvents, CancellationToken cancellationToken = default)
        where TEvent : notnull
    {
        if (domainEvents.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        foreach (var handler in scope.ServiceProvider.GetServices<IDomainEventBatchHandler<TEvent>>())
        {
            var since = Stopwatch.GetTimestamp();
            try
            {
                await handler.HandleAsync(domainEvents, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "{Handler} failed on {Count} {Event} events", handler.GetType().Name, domainEvents.Count, typeof(TEvent).Name);
            }

            timings?.Add(handler.GetType(), since);
        }

        var handlers = scope.ServiceProvider.GetServices<IDomainEventHandler<TEvent>>().ToList();
        foreach (var domainEvent in domainEvents)
        {
            foreach (var handler in handlers)
            {
                var since = Stopwatch.GetTimestamp();
                try
                {
                    await handler.HandleAsync(domainEvent, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "{Handler} failed on {Event}", handler.GetType().Name, domainEvent);
                }

                timings?.Add(handler.GetType(), since);
            }
        }
    }
}
