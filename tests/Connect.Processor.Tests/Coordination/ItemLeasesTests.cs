using Connect.Tests;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Npgsql;

namespace Connect.Processor.Tests.Coordination;

[CollectionDefinition(Name)]
public sealed class LockServicesCollection : ICollectionFixture<LockServices>
{
    public const string Name = "lock services";
}

/// <summary>
/// The lease layer against the real lock services (redis-server and PostgreSQL from .ci/services.sh) and in-process:
/// two <see cref="ItemLeases"/> instances with their own connections stand for two replicas.
/// </summary>
[Collection(LockServicesCollection.Name)]
public sealed class ItemLeasesTests(LockServices services)
{
    public static TheoryData<CoordinationKind> Kinds => [CoordinationKind.None, CoordinationKind.Redis, CoordinationKind.Postgres];

    [SkippableTheory]
    [MemberData(nameof(Kinds))]
    public async Task TryLeaseAsync_FreeItem_AcquiresAndHandsOutTheItemReadUnderTheLease(CoordinationKind kind)
    {
        await using var replica = Replica(kind);
        var id = NewId();
        var reads = 0;
        var attempt = await replica.TryLeaseAsync(id, _ => Task.FromResult<string?>("fresh " + ++reads), default);
        Assert.Equal(LeaseStatus.Acquired, attempt.Status);
        Assert.Equal("fresh 1", attempt.Item);
        Assert.Equal(id, attempt.Lease!.ItemId);
        await attempt.Lease.DisposeAsync();
        Assert.True(attempt.Lease.IsReleased);
    }

    [SkippableTheory]
    [MemberData(nameof(Kinds))]
    public async Task TryLeaseAsync_HeldByAnotherReplica_IsHeldElsewhereWithoutReadingTheItem(CoordinationKind kind)
    {
        await using var a = Replica(kind);
        // In-process leases are shared by one process only: the "other replica" is the same instance there.
        var b = kind == CoordinationKind.None ? a : Replica(kind);
        try
        {
            var id = NewId();
            var held = await a.TryLeaseAsync(id, Pending, default);
            Assert.Equal(LeaseStatus.Acquired, held.Status);

            var reads = 0;
            var other = await b.TryLeaseAsync(id, _ => { reads++; return Task.FromResult<string?>("item"); }, default);
            Assert.Equal(LeaseStatus.HeldElsewhere, other.Status);
            Assert.Null(other.Lease);
            Assert.Equal(0, reads);

            await held.Lease!.DisposeAsync();
            var after = await b.TryLeaseAsync(id, Pending, default);
            Assert.Equal(LeaseStatus.Acquired, after.Status);
            await after.Lease!.DisposeAsync();
        }
        finally
        {
            if (!ReferenceEquals(a, b))
            {
                await b.DisposeAsync();
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Kinds))]
    public async Task TryLeaseAsync_ItemFinishedMeanwhile_IsFinishedAndReleasesTheLease(CoordinationKind kind)
    {
        await using var a = Replica(kind);
        var id = NewId();
        var attempt = await a.TryLeaseAsync(id, _ => Task.FromResult<string?>(null), default);
        Assert.Equal(LeaseStatus.Finished, attempt.Status);
        Assert.Null(attempt.Lease);

        // Released: the item can be leased again at once.
        var again = await a.TryLeaseAsync(id, Pending, default);
        Assert.Equal(LeaseStatus.Acquired, again.Status);
        await again.Lease!.DisposeAsync();
    }

    [SkippableTheory]
    [MemberData(nameof(Kinds))]
    public async Task TryLeaseAsync_ReadFails_ReleasesTheLeaseAndThrows(CoordinationKind kind)
    {
        await using var a = Replica(kind);
        var id = NewId();
        await Assert.ThrowsAsync<HttpRequestException>(() => a.TryLeaseAsync<string>(id, _ => throw new HttpRequestException("Connect is down"), default));
        var again = await a.TryLeaseAsync(id, Pending, default);
        Assert.Equal(LeaseStatus.Acquired, again.Status);
        await again.Lease!.DisposeAsync();
    }

    [SkippableTheory]
    [MemberData(nameof(Kinds))]
    public async Task TryLeaseAsync_ManyReplicasRacingForManyItems_EachItemLeasedByOneAtATime(CoordinationKind kind)
    {
        var replicas = Enumerable.Range(0, kind == CoordinationKind.None ? 1 : 3).Select(_ => Replica(kind)).ToList();
        try
        {
            var ids = Enumerable.Range(0, 40).Select(_ => NewId()).ToList();
            var holders = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
            var doubled = 0;
            var handled = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
            await Parallel.ForEachAsync(
                replicas.SelectMany(r => ids.Select(id => (Replica: r, Id: id))).OrderBy(_ => Random.Shared.Next()),
                new ParallelOptions { MaxDegreeOfParallelism = 12 },
                async (work, ct) =>
                {
                    // Handled once: "pending" until some replica finished it.
                    var attempt = await work.Replica.TryLeaseAsync(work.Id, _ => Task.FromResult(handled.ContainsKey(work.Id) ? null : work.Id), ct);
                    if (attempt.Status != LeaseStatus.Acquired)
                    {
                        return;
                    }

                    if (holders.AddOrUpdate(work.Id, 1, (_, n) => n + 1) > 1)
                    {
                        Interlocked.Increment(ref doubled);
                    }

                    await Task.Delay(Random.Shared.Next(1, 5), ct);
                    handled.AddOrUpdate(work.Id, 1, (_, n) => n + 1);
                    holders.AddOrUpdate(work.Id, 0, (_, n) => n - 1);
                    await attempt.Lease!.DisposeAsync();
                });
            Assert.Equal(0, doubled);
            Assert.Equal(ids.Count, handled.Count);
            Assert.All(handled.Values, count => Assert.Equal(1, count));
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }
        }
    }

    [SkippableFact]
    public async Task Redis_ReplicaDiesHoldingALease_AnotherTakesTheItemAfterTheLeaseExpires()
    {
        await using var survivor = Replica(CoordinationKind.Redis, leaseSeconds: 2);
        var id = NewId();
        var dead = Replica(CoordinationKind.Redis, leaseSeconds: 2);
        var held = await dead.TryLeaseAsync(id, Pending, default);
        Assert.Equal(LeaseStatus.Acquired, held.Status);

        // The replica vanishes without releasing: its connection closes, nobody extends the key any more.
        await dead.Service.DisposeAsync();
        var lost = DateTime.UtcNow;
        Assert.Equal(LeaseStatus.HeldElsewhere, (await survivor.TryLeaseAsync(id, Pending, default)).Status);

        var taken = await PollAsync(() => survivor.TryLeaseAsync(id, Pending, default), TimeSpan.FromSeconds(30));
        var waited = DateTime.UtcNow - lost;
        Assert.InRange(waited, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
        await taken.Lease!.DisposeAsync();
    }

    [SkippableFact]
    public async Task Postgres_ReplicaSessionEnds_AnotherTakesTheItemAndTheHoldersReleaseIsHarmless()
    {
        var (_, postgres) = services.Require();
        await using var holder = Replica(CoordinationKind.Postgres);
        await using var survivor = Replica(CoordinationKind.Postgres);
        var id = NewId();
        var held = await holder.TryLeaseAsync(id, Pending, default);
        Assert.Equal(LeaseStatus.Acquired, held.Status);
        Assert.Equal(LeaseStatus.HeldElsewhere, (await survivor.TryLeaseAsync(id, Pending, default)).Status);

        // What a killed process leaves: its sessions end, and the server releases their advisory locks.
        await using (var admin = new NpgsqlConnection(postgres))
        {
            await admin.OpenAsync();
            await using var terminate = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_locks WHERE locktype = 'advisory' AND pid <> pg_backend_pid()", admin);
            Assert.True((long)(await terminate.ExecuteScalarAsync())! >= 1);
        }

        var taken = await PollAsync(() => survivor.TryLeaseAsync(id, Pending, default), TimeSpan.FromSeconds(30));

        // The holder's release of a lock its session no longer has is logged, not thrown, and does not touch the new holder's.
        await held.Lease!.DisposeAsync();
        Assert.True(held.Lease.IsReleased);
        Assert.Equal(LeaseStatus.HeldElsewhere, (await holder.TryLeaseAsync(id, Pending, default)).Status);
        await taken.Lease!.DisposeAsync();
    }

    [SkippableFact]
    public async Task Postgres_ManyQuickLeases_AreAllReleased()
    {
        // Leases taken and released at once, four at a time (what a replica does with requests that have no handler):
        // every release must go through, or the request stays locked until the pooled connection closes.
        var logs = new FakeLogCollector();
        await using var a = Replica(CoordinationKind.Postgres, logs: logs);
        await using var b = Replica(CoordinationKind.Postgres);
        var ids = Enumerable.Range(0, 10).Select(_ => NewId()).ToList();
        await Parallel.ForEachAsync(Enumerable.Range(0, 300), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            var attempt = await a.TryLeaseAsync(ids[i % ids.Count], Pending, ct);
            if (attempt.Lease is { } lease)
            {
                await lease.DisposeAsync();
            }
        });
        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Id.Id == 4055);
        foreach (var id in ids)
        {
            var other = await b.TryLeaseAsync(id, Pending, default);
            Assert.Equal(LeaseStatus.Acquired, other.Status);
            await other.Lease!.DisposeAsync();
        }
    }

    [SkippableTheory]
    [InlineData(CoordinationKind.Redis)]
    [InlineData(CoordinationKind.Postgres)]
    public async Task TryLeaseAsync_ServiceUnreachable_IsUnavailableAndReportsTheOutageOnce(CoordinationKind kind)
    {
        services.Require();
        var port = UnusedPort();
        var connection = kind == CoordinationKind.Redis
            ? $"127.0.0.1:{port},password=s3cret-pw,connectTimeout=1000"
            : $"Host=127.0.0.1;Port={port};Username=connect;Password=s3cret-pw;Database=postgres;Timeout=2";
        var logs = new FakeLogCollector();
        await using var replica = Replica(kind, connection: connection, logs: logs);
        var reads = 0;
        for (var i = 0; i < 3; i++)
        {
            var attempt = await replica.TryLeaseAsync(NewId(), _ => { reads++; return Task.FromResult<string?>("item"); }, default);
            Assert.Equal(LeaseStatus.Unavailable, attempt.Status);
            Assert.Null(attempt.Lease);
            Assert.DoesNotContain("s3cret-pw", attempt.Error, StringComparison.Ordinal);
        }

        Assert.Equal(0, reads);
        Assert.True(replica.IsUnavailable);
        var down = logs.GetSnapshot().Where(r => r.Id.Id == 4050).ToList();
        Assert.Single(down);
        Assert.Equal(LogLevel.Error, down[0].Level);
        Assert.Contains("127.0.0.1:" + port, down[0].Message, StringComparison.Ordinal);
        Assert.All(logs.GetSnapshot(), r => Assert.DoesNotContain("s3cret-pw", r.Message, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Redis_ServiceStopsAndReturns_NoLeaseWhileDownThenLeasesAgainAndSaysSo()
    {
        var binary = LockServices.RequireRedisServer();
        using var redis = await RedisServer.StartAsync(binary);
        var logs = new FakeLogCollector();
        await using var replica = Replica(CoordinationKind.Redis, connection: redis.Configuration + ",connectTimeout=1000", logs: logs, leaseSeconds: 3);
        var before = await replica.TryLeaseAsync(NewId(), Pending, default);
        Assert.Equal(LeaseStatus.Acquired, before.Status);

        redis.Stop();
        var down = await PollAsync(async () => (await replica.TryLeaseAsync(NewId(), Pending, default)).Status == LeaseStatus.Unavailable, TimeSpan.FromSeconds(30));
        Assert.True(down);
        Assert.True(replica.IsUnavailable);

        // The lease held when the service vanished is lost (its key went with the server).
        await PollAsync(() => Task.FromResult(before.Lease!.Lost.IsCancellationRequested), TimeSpan.FromSeconds(30));
        await before.Lease!.DisposeAsync();

        await redis.RestartAsync();
        var after = await PollAsync(() => replica.TryLeaseAsync(NewId(), Pending, default), TimeSpan.FromSeconds(30));
        await after.Lease!.DisposeAsync();
        Assert.False(replica.IsUnavailable);
        var ids = logs.GetSnapshot().Select(r => r.Id.Id).ToList();
        Assert.Equal(1, ids.Count(i => i == 4050));
        Assert.Equal(1, ids.Count(i => i == 4051));
        Assert.True(ids.IndexOf(4050) < ids.IndexOf(4051));
    }

    private static Task<string?> Pending(CancellationToken cancellationToken) => Task.FromResult<string?>("pending");

    private static string NewId() => "PR-TEST-" + Guid.NewGuid().ToString("N")[..12];

    private static int UnusedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<LeaseAttempt<string>> PollAsync(Func<Task<LeaseAttempt<string>>> attempt, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var result = await attempt();
            if (result.Status == LeaseStatus.Acquired)
            {
                return result;
            }

            Assert.True(DateTime.UtcNow < deadline, $"not acquired within {timeout} (last: {result.Status} {result.Error})");
            await Task.Delay(100);
        }
    }

    private static async Task<bool> PollAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"condition not met within {timeout}");
            await Task.Delay(100);
        }

        return true;
    }

    private ItemLeases Replica(CoordinationKind kind, string? connection = null, FakeLogCollector? logs = null, int leaseSeconds = 10)
    {
        if (kind != CoordinationKind.None && connection is null)
        {
            var (redis, postgres) = services.Require();
            connection = kind == CoordinationKind.Redis ? redis : postgres;
        }

        var options = new ProcessorOptions { Coordination = kind, CoordinationConnectionString = connection, LeaseDurationSeconds = leaseSeconds };
        var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(new FakeLoggerProvider(logs ?? new FakeLogCollector())));
        return new ItemLeases(LockService.Create(options), loggerFactory, TimeProvider.System);
    }
}
