using System.Globalization;
using Medallion.Threading;
using Medallion.Threading.Postgres;
using Medallion.Threading.Redis;
using Npgsql;
using StackExchange.Redis;

namespace Connect.Processor;

/// <summary>
/// The lock service chosen by <see cref="ProcessorOptions.Coordination"/>, as an <see cref="IDistributedLockProvider"/>:
/// in-process, Redis or PostgreSQL. Connects on first use and keeps one connection (Redis) or pool (PostgreSQL) for the
/// life of the process. Its <see cref="Description"/> names the service without its secrets.
/// </summary>
internal sealed class LockService : IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private readonly ConfigurationOptions? _redis;
    private readonly string? _password;
    private IDistributedLockProvider? _provider;
    private ConnectionMultiplexer? _multiplexer;

    private LockService(CoordinationKind kind, TimeSpan leaseDuration, string description, IDistributedLockProvider? provider, ConfigurationOptions? redis, string? password)
    {
        Kind = kind;
        LeaseDuration = leaseDuration;
        Description = description;
        _provider = provider;
        _redis = redis;
        _password = password;
    }

    public CoordinationKind Kind { get; }

    /// <summary>How long a dead replica's lease outlives it (Redis: the key's expiry; PostgreSQL: the keepalive budget).</summary>
    public TimeSpan LeaseDuration { get; }

    /// <summary>"in-process", "redis 127.0.0.1:6379", "postgres 127.0.0.1:5432/postgres": for logs, never with a password.</summary>
    public string Description { get; }

    /// <summary>Creates the service from validated options (<see cref="ProcessorOptionsValidator"/> checked the connection string).</summary>
    public static LockService Create(ProcessorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var lease = TimeSpan.FromSeconds(options.LeaseDurationSeconds);
        switch (options.Coordination)
        {
            case CoordinationKind.Redis:
                var redis = RedisOptions(options.CoordinationConnectionString!);
                var endpoints = string.Join(",", redis.EndPoints.Select(EndPointCollection.ToString));
                return new LockService(CoordinationKind.Redis, lease, "redis " + endpoints, null, redis, NonEmpty(redis.Password));
            case CoordinationKind.Postgres:
                var builder = PostgresConnection(options.CoordinationConnectionString!, lease);
                var where = $"postgres {builder.Host}:{builder.Port.ToString(CultureInfo.InvariantCulture)}/{builder.Database}";
                var provider = new PostgresDistributedSynchronizationProvider(builder.ConnectionString, o => o.KeepaliveCadence(KeepaliveOf(lease)));
                return new LockService(CoordinationKind.Postgres, lease, where, provider, null, NonEmpty(builder.Password));
            default:
                return new LockService(CoordinationKind.None, lease, "in-process", new InProcessLockProvider(), null, null);
        }
    }

    /// <summary>
    /// Parses a StackExchange.Redis configuration (<c>host:port,password=...,ssl=true</c>) for leases: no abort when the
    /// server is down at start (the processor keeps running and reports the outage), and commands fail at once while
    /// disconnected instead of queueing, so no lease is ever granted late.
    /// </summary>
    /// <exception cref="ArgumentException">Not a Redis configuration string.</exception>
    public static ConfigurationOptions RedisOptions(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        if (options.EndPoints.Count == 0)
        {
            throw new ArgumentException("it names no Redis server (host:port)", nameof(connectionString));
        }

        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ClientName ??= "connect-processor";
        return options;
    }

    /// <summary>
    /// Parses an Npgsql connection string for leases: unless it sets server <c>Options</c> of its own, the server checks a
    /// silent client with TCP keepalives within about the lease duration, so the locks of a replica whose host vanished
    /// are released about as fast as Redis keys expire.
    /// </summary>
    /// <exception cref="ArgumentException">Not an Npgsql connection string, or one without a host.</exception>
    public static NpgsqlConnectionStringBuilder PostgresConnection(string connectionString, TimeSpan leaseDuration)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new ArgumentException("it names no PostgreSQL host (Host=...)", nameof(connectionString));
        }

        if (string.IsNullOrWhiteSpace(builder.Options))
        {
            var idle = Math.Max(1, (int)(leaseDuration.TotalSeconds / 2));
            var interval = Math.Max(1, (int)(leaseDuration.TotalSeconds / 6));
            builder.Options = FormattableString.Invariant($"-c tcp_keepalives_idle={idle} -c tcp_keepalives_interval={interval} -c tcp_keepalives_count=3");
        }

        builder.ApplicationName ??= "connect-processor";
        return builder;
    }

    /// <summary>The provider, connecting first when needed (Redis). Throws when the service cannot be reached.</summary>
    public async ValueTask<IDistributedLockProvider> GetProviderAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _provider) is { } provider)
        {
            return provider;
        }

        await _connecting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_provider is null)
            {
                // With AbortOnConnectFail off this returns even when the server is down, and reconnects in the background.
                _multiplexer = await ConnectionMultiplexer.ConnectAsync(_redis!).ConfigureAwait(false);
                var expiry = LeaseDuration;
                Volatile.Write(ref _provider, new RedisDistributedSynchronizationProvider(_multiplexer.GetDatabase(), o => o.Expiry(expiry)));
            }

            return _provider;
        }
        finally
        {
            _connecting.Release();
        }
    }

    /// <summary>The lock name of an item: <c>connect:lease:&lt;id&gt;</c> (a Redis key; hashed to an advisory lock key by PostgreSQL).</summary>
    public static string LockName(string itemId) => "connect:lease:" + itemId;

    /// <summary>A message with the service's password (if any) taken out, for logs and reports.</summary>
    public string Redact(string message) =>
        _password is null ? message : message.Replace(_password, "***", StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer is { } multiplexer)
        {
            await multiplexer.DisposeAsync().ConfigureAwait(false);
        }

        _connecting.Dispose();
    }

    public void Dispose()
    {
        _multiplexer?.Dispose();
        _connecting.Dispose();
    }

    // The library runs a no-op query on the connections that hold locks at this cadence, so that a proxy or firewall
    // that cuts idle connections does not end a lease that is still in use.
    private static TimeSpan KeepaliveOf(TimeSpan lease) => TimeSpan.FromSeconds(Math.Max(1, lease.TotalSeconds / 3));

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
