using Connect.Sdk;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Automation.Tests;

/// <summary>
/// A handler's own call refused by Connect: a race lost to another actor (the item moved on) is not a fault; a refusal
/// while the item is where it was listed is.
/// </summary>
public sealed class RaceReconciliationTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => emulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ProcessAsync_HandlerCallRefusedAfterAnotherActorMovedTheItem_CountsAlreadyHandled()
    {
        var id = (await emulator.GenerateAsync(EmulatorFixture.UsageProduct, 1))[0];
        using var client = emulator.NewClient(EmulatorFixture.UsageProduct);
        using var other = emulator.NewClient(EmulatorFixture.UsageProduct);
        var engine = new DelegateFulfillment(
            client,
            async (request, context, ct) =>
            {
                // Another actor fails the request while this handler works on it; then this handler's update is refused.
                await other.Requests.FailAsync(request.Id!, "handled elsewhere", ct);
                await context.UpdateParametersAsync([new Param { Id = "account_id", Value = "ACC-1" }], cancellationToken: ct);
                return ProcessResult.ApproveWithTile("never sent");
            },
            new AutomationOptions { Query = new Query().Equal("id", id) });

        var report = await engine.ProcessAsync();

        Assert.Empty(report.Errors);
        Assert.Equal(1, report.AlreadyHandled);
        Assert.Equal("failed", (await client.Requests.GetAsync(id)).Status);
    }

    [Fact]
    public async Task ProcessAsync_HandlerCallRefusedWhileItemUnchanged_IsAnError()
    {
        var id = (await emulator.GenerateAsync(EmulatorFixture.UsageProduct, 1))[0];
        using var client = emulator.NewClient(EmulatorFixture.UsageProduct);
        var engine = new DelegateFulfillment(
            client,
            async (_, context, ct) =>
            {
                await context.UpdateParametersAsync([new Param { Id = "no_such_parameter", Value = "x" }], cancellationToken: ct);
                return ProcessResult.ApproveWithTile("never sent");
            },
            new AutomationOptions { Query = new Query().Equal("id", id) });

        var report = await engine.ProcessAsync();

        var error = Assert.Single(report.Errors);
        Assert.Equal(id, error.Id);
        Assert.IsType<ConnectApiException>(error.Exception);
        Assert.Equal(0, report.AlreadyHandled);
        Assert.Equal("pending", (await client.Requests.GetAsync(id)).Status);
    }
}
