using StackExchange.Redis;

namespace Inbox.Web.Realtime;

/// <summary>
/// The connection to Redis (<c>ConnectionStrings:Redis</c>) that carries live updates between instances, or none when
/// the setting is empty (one instance). It never stops the app: start-up goes on while Redis is down, the client
/// reconnects by itself, and <see cref="Changed"/> tells the open tabs when live updates pause and resume.
/// </summary>
public sealed class RedisLink : IAsyncDisposable
{
    private readonly ILogger<RedisLink> logger;
    private readonly Lazy<Task<IConnectionMultiplexer>>? connection;

    public RedisLink(IConfiguration configuration, ILogger<RedisLink> logger)
    {
        this.logger = logger;
        ConnectionString = configuration.GetConnectionString("Redis");
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            connection = new(ConnectAsync);
        }
    }

    /// <summary>Raised when the link goes down or comes back.</summary>
    public event Action? Changed;

    public string? ConnectionString { get; }

    /// <summary>Whether several instances share live updates through Redis.</summary>
    public bool Enabled => connection is not null;

    /// <summary>False while Redis is configured but unreachable: live updates from other instances are paused.</summary>
    public bool Connected => connection is null || (connection.Value.IsCompletedSuccessfully && connection.Value.Result.IsConnected);

    /// <summary>The options both the relay and the SignalR backplane connect with: keep trying, never fail start-up.</summary>
    public static ConfigurationOptions Options(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.ConnectRetry = 3;
        options.ReconnectRetryPolicy = new LinearRetry(500);
        return options;
    }

    public Task<IConnectionMultiplexer> ConnectionAsync() =>
        connection?.Value ?? throw new InvalidOperationException("ConnectionStrings:Redis is empty.");

    /// <summary>
    /// Subscribes <paramref name="handler"/> to <paramref name="channel"/>, retrying every second while Redis refuses;
    /// once made, the client renews the subscription after every reconnect. <paramref name="what"/> names it in the log.
    /// </summary>
    public async Task<ISubscriber> SubscribeAsync(RedisChannel channel, Action<RedisValue> handler, string what, TimeProvider time, CancellationToken stoppingToken)
    {
        var subscriber = (await ConnectionAsync()).GetSubscriber();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await subscriber.SubscribeAsync(channel, (_, message) => handler(message));
                break;
            }
            catch (RedisException ex)
            {
                logger.LogWarning("Subscribing to {What} failed ({Error}); trying again.", what, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
            }
        }

        return subscriber;
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is { IsValueCreated: true } && connection.Value.IsCompletedSuccessfully)
        {
            await connection.Value.Result.DisposeAsync();
        }
    }

    private async Task<IConnectionMultiplexer> ConnectAsync()
    {
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(Options(ConnectionString!));
        multiplexer.ConnectionFailed += (_, e) =>
        {
            logger.LogWarning("Redis connection lost ({Failure}): live updates from other instances are paused until it is back.", e.FailureType);
            Changed?.Invoke();
        };
        multiplexer.ConnectionRestored += (_, _) =>
        {
            logger.LogInformation("Redis connection restored: live updates from other instances resume.");
            Changed?.Invoke();
        };
        return multiplexer;
    }
}
