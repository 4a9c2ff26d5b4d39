namespace Connect.Processor.Tests.Coordination;

public sealed class InProcessLockProviderTests
{
    [Fact]
    public async Task TryAcquireAsync_NameHeld_ReturnsNullUntilReleased()
    {
        var provider = new InProcessLockProvider();
        var first = await provider.CreateLock("a").TryAcquireAsync();
        Assert.NotNull(first);
        Assert.Null(await provider.CreateLock("a").TryAcquireAsync());

        // Another name is independent.
        await using (var other = await provider.CreateLock("b").TryAcquireAsync())
        {
            Assert.NotNull(other);
        }

        await first.DisposeAsync();
        await using var again = await provider.CreateLock("a").TryAcquireAsync();
        Assert.NotNull(again);
    }

    [Fact]
    public async Task AcquireAsync_Waiting_GetsTheLockWhenTheHolderReleasesIt()
    {
        var provider = new InProcessLockProvider();
        var held = provider.CreateLock("a").Acquire();
        var waiting = provider.CreateLock("a").AcquireAsync(TimeSpan.FromSeconds(30)).AsTask();
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);
        held.Dispose();
        await using var handle = await waiting;
        Assert.Equal(CancellationToken.None, handle.HandleLostToken);
    }

    [Fact]
    public async Task AcquireAsync_TimesOut_ThrowsTimeoutExceptionAndLeavesNoEntry()
    {
        var provider = new InProcessLockProvider();
        using var held = provider.CreateLock("a").Acquire();
        await Assert.ThrowsAsync<TimeoutException>(() => provider.CreateLock("a").AcquireAsync(TimeSpan.FromMilliseconds(20)).AsTask());
        Assert.Equal(1, provider.ActiveNames);
    }

    [Fact]
    public async Task Release_LastHolder_ForgetsTheName()
    {
        var provider = new InProcessLockProvider();
        for (var i = 0; i < 100; i++)
        {
            await using var handle = await provider.CreateLock("PR-" + i).TryAcquireAsync();
            Assert.NotNull(handle);
        }

        Assert.Equal(0, provider.ActiveNames);
    }

    [Fact]
    public async Task Dispose_Twice_ReleasesOnce()
    {
        var provider = new InProcessLockProvider();
        var handle = (await provider.CreateLock("a").TryAcquireAsync())!;
        handle.Dispose();
        await handle.DisposeAsync();
        using var second = provider.CreateLock("a").TryAcquire();
        Assert.NotNull(second);
        Assert.Null(provider.CreateLock("a").TryAcquire());
    }

    [Fact]
    public async Task TryAcquireAsync_ManyContenders_ExactlyOneHoldsAtATime()
    {
        var provider = new InProcessLockProvider();
        var inside = 0;
        var maxInside = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, 200), async (_, ct) =>
        {
            await using var handle = await provider.CreateLock("x").AcquireAsync(cancellationToken: ct);
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref maxInside, now);
            await Task.Yield();
            Interlocked.Decrement(ref inside);
        });
        Assert.Equal(1, maxInside);
        Assert.Equal(0, provider.ActiveNames);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
