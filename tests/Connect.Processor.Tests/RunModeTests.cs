using Connect.Automation;
using Connect.Sdk.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Connect.Processor.Tests;

/// <summary>Once and continuous modes, exit codes and graceful shutdown, in a real host.</summary>
public sealed class RunModeTests
{
    [Fact]
    public async Task RunProcessorAsync_OnceMode_ProcessesEverythingStopsAndExitsZero()
    {
        await using var env = await TestEnvironment.StartAsync();
        var reports = new ReportChannel();
        using var host = env.ExampleHost(env.Settings(), s => s.AddSingleton<IProcessorObserver>(reports));

        var exitCode = await host.RunProcessorAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, exitCode);
        var report = await reports.NextAsync();
        Assert.Equal(11, report.Requests.Count);
        Assert.False(report.Cancelled);
    }

    [Fact]
    public async Task RunProcessorAsync_HandlerThrows_ExitsOneAndLeavesRequestPending()
    {
        await using var env = await TestEnvironment.StartAsync();
        using var host = TestEnvironment.PlainHost(env.Settings(("products:0", TestEnvironment.UsageProduct)), b => b.AddFulfillmentHandler<ThrowingHandler>(RequestType.Purchase));

        var exitCode = await host.RunProcessorAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Equal("pending", (await env.RequestAsync("PR-0002-0001-0002-001"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunProcessorAsync_ContinuousMode_PicksUpNewRequestsOnTheNextInterval()
    {
        await using var env = await TestEnvironment.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-10T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var reports = new ReportChannel();
        using var host = env.ExampleHost(
            env.Settings(("mode", "Continuous"), ("intervalSeconds", "30")),
            s => s.AddSingleton<TimeProvider>(time).AddSingleton<IProcessorObserver>(reports));
        using var stop = new CancellationTokenSource();
        var running = host.RunProcessorAsync(stop.Token);

        var first = await reports.NextAsync();
        Assert.Equal(11, first.Requests.Count);
        var id = await env.CreatePurchaseAsync("acme-later");

        // Nothing happens until the interval has passed.
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(reports.Reports.Reader.TryPeek(out _));
        time.Advance(TimeSpan.FromSeconds(1));
        var second = await reports.NextAsync();

        Assert.Equal(AutomationOutcome.Approved, Assert.Single(second.Requests).Outcome);
        Assert.Equal(id, second.Requests[0].Id);
        await stop.CancelAsync();
        Assert.Equal(0, await running.WaitAsync(TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public async Task StopAsync_MidRun_FinishesTheRequestInFlightAndTakesNoOther()
    {
        await using var env = await TestEnvironment.StartAsync();
        var ids = await env.GenerateAsync(TestEnvironment.UsageProduct, 5);
        var gate = new Gate();
        var reports = new ReportChannel();
        using var host = TestEnvironment.PlainHost(
            env.Settings(("products:0", TestEnvironment.UsageProduct), ("mode", "Continuous"), ("maxConcurrency", "1")),
            b => b.AddFulfillmentHandler<GatedHandler>(RequestType.Purchase),
            s => s.AddSingleton(gate).AddSingleton<IProcessorObserver>(reports));

        await host.StartAsync();
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var stopping = host.StopAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(200); // let the stop request reach the run before the handler finishes
        gate.Release.SetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(60));

        var report = await reports.NextAsync();
        Assert.True(report.Cancelled);
        Assert.Equal(1, gate.Calls);
        var done = Assert.Single(report.Requests);
        Assert.Equal(AutomationOutcome.Approved, done.Outcome);

        // The audit shows every request changed status at most once: the one in flight was approved, the rest untouched.
        var all = ids.Append("PR-0002-0001-0002-001").ToList();
        var audit = await env.AuditAsync();
        foreach (var id in all)
        {
            var transitions = audit.Where(e => e["object_id"]!.GetValue<string>() == id && e["from"]?.GetValue<string>() == "pending").ToList();
            Assert.True(transitions.Count <= 1, id);
            Assert.Equal(id == done.Id ? 1 : 0, transitions.Count);
        }
    }
}
