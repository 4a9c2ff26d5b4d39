using Connect.Sdk;
using Connect.Sdk.Models;

namespace Connect.Testing.Tests;

public sealed class DispatcherTests(ConnectEmulatorFixture fixture) : IClassFixture<ConnectEmulatorFixture>
{
    private static readonly DispatcherOptions Fast = new() { Timeout = TimeSpan.FromSeconds(30), PollInterval = TimeSpan.FromMilliseconds(20) };

    [Fact]
    public async Task ProvisionAsync_ProcessorApproves_ReturnsTheApprovedRequest()
    {
        await fixture.ResetAsync();
        using var dispatcher = new RequestDispatcher(fixture.Client, Fast);
        using var stop = new CancellationTokenSource();
        var processor = ApproveEveryNewPurchaseAsync(fixture.Client, stop.Token);

        var order = Requests.Purchase().WithItem("MPN-A", 3)
            .WithParameter("customer_email", "e2e@example.com").WithParameter("tenant_domain", "e2e-tenant").Build();
        var handled = await dispatcher.ProvisionAsync(order);
        await stop.CancelAsync();
        await processor;

        Assert.Equal(RequestStatus.Approved, handled.Status);
        Assert.NotEqual(order.Id, handled.Id);
        Assert.Equal(3m, handled.Asset!.Items!.Single().Quantity);
        Assert.Equal("e2e-tenant", handled.Asset.Params!.Single(p => p.Id == "tenant_domain").Value);
    }

    [Fact]
    public async Task WaitAsync_NobodyProcesses_TimesOutNamingTheStatus()
    {
        await fixture.ResetAsync();
        using var dispatcher = new RequestDispatcher(fixture.Client, new DispatcherOptions { Timeout = TimeSpan.FromMilliseconds(200), PollInterval = TimeSpan.FromMilliseconds(20) });

        var error = await Assert.ThrowsAsync<TimeoutException>(() => dispatcher.WaitAsync("PR-0001-0001-0001-001"));

        Assert.StartsWith("Request PR-0001-0001-0001-001 is still pending after 0.2 s (", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("is the processor running, and does it handle product PRD-100-200-300?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitAsync_AlreadyHandled_ReturnsAtOnce()
    {
        await fixture.ResetAsync();
        using var dispatcher = new RequestDispatcher(fixture.Client, Fast);

        var request = await dispatcher.WaitAsync("PR-0001-0001-0003-001");

        Assert.Equal(RequestStatus.Approved, request.Status);
    }

    [Fact]
    public async Task PlaceAsync_Cancel_CreatesCancelOfTheAsset()
    {
        await fixture.ResetAsync();
        using var dispatcher = new RequestDispatcher(fixture.Client, Fast);

        var created = await dispatcher.PlaceAsync(Requests.Cancel().ForAsset("AS-0002-0001-0001").Build());

        Assert.Equal((RequestType.Cancel, RequestStatus.Pending, "AS-0002-0001-0001"), (created.Type, created.Status, created.Asset!.Id));
    }

    [Fact]
    public async Task FromEnvironment_VariablesSet_PlacesOrdersThere()
    {
        await using var other = await ConnectEmulator.StartAsync();
        var variables = new Dictionary<string, string?>
        {
            [RequestDispatcher.UrlVariable] = other.BaseUrl,
            [RequestDispatcher.KeyVariable] = other.ApiKey,
        };
        using var dispatcher = RequestDispatcher.FromEnvironment(fixture.Emulator, n => variables.GetValueOrDefault(n), Fast);

        var created = await dispatcher.PlaceAsync(Requests.Suspend().ForAsset("AS-0002-0001-0001").Build());

        Assert.True(dispatcher.IsExternal);
        Assert.NotNull(await other.Client.Requests.FindAsync(created.Id!));
        Assert.Null(await fixture.Client.Requests.FindAsync(created.Id!));
    }

    [Fact]
    public void FromEnvironment_OneVariableMissing_UsesTheEmulator()
    {
        using var dispatcher = RequestDispatcher.FromEnvironment(fixture.Emulator, n => n == RequestDispatcher.UrlVariable ? "https://example.invalid" : null);

        Assert.False(dispatcher.IsExternal);
        Assert.Same(fixture.Client, dispatcher.Client);
    }

    [Fact]
    public void OrderBody_Purchase_SendsWhatAStorefrontSends()
    {
        var order = Requests.Purchase().WithItem("MPN-B", 2).WithParameter("customer_email", "a@b.c").WithParameter("empty", "")
            .WithFulfillmentParameter("subscription_id", "S-1").Build();

        var body = ConnectSerializer.SerializeToNode(RequestDispatcher.OrderBody(order))!;

        Assert.Equal("purchase", (string?)body["type"]);
        Assert.Equal("""[{"mpn":"MPN-B","quantity":"2"}]""", body["asset"]!["items"]!.ToJsonString());
        Assert.Equal("""[{"id":"customer_email","value":"a@b.c"}]""", body["asset"]!["params"]!.ToJsonString());
        Assert.Equal(DemoDefaults.ProductId, (string?)body["asset"]!["product"]!["id"]);
        Assert.Equal(DemoDefaults.MarketplaceId, (string?)body["marketplace"]!["id"]);
        Assert.Null(body["id"]);
        Assert.Null(body["status"]);
    }

    [Fact]
    public void OrderBody_Change_SendsAssetIdAndItems()
    {
        var order = Requests.Change().ForAsset("AS-1-2-3").WithItem("MPN-A", 10, 5).Build();

        var body = ConnectSerializer.SerializeToNode(RequestDispatcher.OrderBody(order))!;

        Assert.Equal("""{"type":"change","asset":{"id":"AS-1-2-3","items":[{"mpn":"MPN-A","quantity":"10"}]}}""", body.ToJsonString());
    }

    [Fact]
    public void Options_NonPositiveTimeout_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RequestDispatcher(fixture.Client, new DispatcherOptions { Timeout = TimeSpan.Zero }));
    }

    /// <summary>Stands in for a processor: approves every pending purchase created after it started.</summary>
    private static async Task ApproveEveryNewPurchaseAsync(ConnectClient client, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await foreach (var request in client.Requests.ListAsync(cancellationToken: cancellationToken))
                {
                    if (request is { Status: RequestStatus.Pending, Type: RequestType.Purchase } && request.Asset?.Params?.Any(p => p.Value == "e2e-tenant") == true)
                    {
                        await client.Requests.UpdateParametersAsync(request.Id!, [new Param { Id = "subscription_id", Value = "SUB-E2E" }], cancellationToken: cancellationToken);
                        await client.Requests.ApproveByTemplateAsync(request.Id!, DemoDefaults.ActivationTemplateId, cancellationToken);
                    }
                }

                await Task.Delay(20, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
