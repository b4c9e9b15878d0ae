using Inbox.Core.Channels;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inbox.Core.Persistence;

/// <summary>
/// Keeps channel access tokens and secrets encrypted at rest with ASP.NET Core Data Protection: encrypted as a
/// channel is saved, decrypted as one is read, so the rest of the app only ever sees the plain value and a copy of
/// the database alone does not give the tokens away. A value without the prefix (written before this existed) is
/// read as it is and encrypted the next time the channel is saved.
/// </summary>
/// <remarks>
/// One shared instance: EF keys its internal services on the interceptors, so a per-app instance would make every
/// app (and every test host) build its own EF internals and model. The key ring is the app's own, found through the
/// context's application service provider.
/// </remarks>
public sealed class ChannelSecretsProtector : SaveChangesInterceptor, IMaterializationInterceptor
{
    private const string Prefix = "dp1:";
    private static readonly string[] Secrets = [nameof(Channel.AccessToken), nameof(Channel.ChannelSecret)];
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<IServiceProvider, IDataProtector> protectors = [];

    private ChannelSecretsProtector()
    {
    }

    public static ChannelSecretsProtector Instance { get; } = new();

    /// <summary>True when a stored value is in the protected form.</summary>
    public static bool IsProtected(string? stored) => stored?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        if (entity is Channel channel)
        {
            var context = materializationData.Context;
            channel.AccessToken = Reveal(context, channel, channel.AccessToken);
            channel.ChannelSecret = Reveal(context, channel, channel.ChannelSecret);
        }

        return entity;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Protect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Protect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Restore(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Restore(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Restore(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Restore(eventData.Context);
        return Task.CompletedTask;
    }

    private void Protect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var protector = ProtectorOf(context);
        foreach (var entry in Pending(context))
        {
            foreach (var name in Secrets)
            {
                var property = entry.Property(name);
                if (property.CurrentValue is string plain && plain.Length > 0 && !IsProtected(plain))
                {
                    property.CurrentValue = Prefix + protector.Protect(plain);
                }
            }
        }
    }

    /// <summary>After the write, the tracked entity holds the plain value again, unmodified.</summary>
    private void Restore(DbContext? context)
    {
        foreach (var entry in context?.ChangeTracker.Entries<Channel>().ToList() ?? [])
        {
            foreach (var name in Secrets)
            {
                var property = entry.Property(name);
                if (property.CurrentValue is string stored && IsProtected(stored))
                {
                    var plain = Reveal(context!, entry.Entity, stored);
                    property.CurrentValue = plain;
                    property.OriginalValue = plain;
                    property.IsModified = false;
                }
            }
        }
    }

    private static IEnumerable<EntityEntry<Channel>> Pending(DbContext? context) =>
        context?.ChangeTracker.Entries<Channel>().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList() ?? [];

    private static IServiceProvider ApplicationServices(DbContext context) =>
        context.GetService<IDbContextOptions>().FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.ApplicationServiceProvider
        ?? throw new InvalidOperationException("Channel secrets need the app's services: create contexts through the registered factory.");

    private IDataProtector ProtectorOf(DbContext context) =>
        protectors.GetValue(ApplicationServices(context), services =>
            services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Inbox.Channels.Secrets.v1"));

    private string? Reveal(DbContext context, Channel channel, string? stored)
    {
        if (!IsProtected(stored))
        {
            return stored;
        }

        try
        {
            return ProtectorOf(context).Unprotect(stored![Prefix.Length..]);
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            // The key ring that encrypted it is gone: the channel shows "not set" and an admin enters the secret again.
            ApplicationServices(context).GetRequiredService<ILogger<ChannelSecretsProtector>>().LogError(ex, "Channel {Key}: a stored secret cannot be decrypted with the current Data Protection keys.", channel.Key);
            return null;
        }
    }
}
