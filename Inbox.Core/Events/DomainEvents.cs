using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inbox.Core.Events;

/// <summary>
/// A plain in-process dispatcher: events are published after <c>SaveChanges</c>, to every registered handler in turn.
/// A failing handler is logged and does not stop the others: the saved change stands either way.
/// </summary>
public sealed class DomainEvents(IServiceScopeFactory scopes, ILogger<DomainEvents> logger)
{
    public async Task PublishAsync<TEvent>(TEvent domainEvent, CancellationToken cancellationToken = default)
        where TEvent : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        foreach (var handler in scope.ServiceProvider.GetServices<IDomainEventHandler<TEvent>>())
        {
            try
            {
                await handler.HandleAsync(domainEvent, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "{Handler} failed on {Event}", handler.GetType().Name, domainEvent);
            }
        }
    }
}
