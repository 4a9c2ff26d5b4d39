using System.Globalization;
using Connect.Automation;
using Connect.Processor;
using Connect.Sdk;
using Connect.Sdk.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Connect.Testing;

/// <summary>
/// Runs one handler against one built request, without HTTP: the handler gets an <see cref="ItemContext"/> whose client
/// is an <see cref="OfflineConnect"/>, inside the services a processor gives it (options, template lookup by name, your
/// own registrations), and the run returns the outcome and the calls it made.
/// </summary>
/// <example><code>
/// await using var runner = new HandlerRunner(services => services.AddSingleton&lt;IVendorApi&gt;(fakeVendor));
/// var run = await runner.RunAsync&lt;PurchaseHandler&gt;(Requests.Purchase().WithParameter("customer_email", "a@b.c").Build());
/// Assert.Equal(ProcessAction.Approve, run.Outcome.Action);
/// </code></example>
public sealed class HandlerRunner : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    /// <summary>Creates a runner.</summary>
    /// <param name="services">Registers what the handlers need (fakes of vendor APIs, a <see cref="TimeProvider"/>, ...).</param>
    /// <param name="options">
    /// Changes the processor settings the handlers see. The defaults name the emulator demo's template names
    /// (<c>Default Activation Template</c>, <c>Tier1 Activation Template</c>, <c>Inquire Template</c>) and the demo product.
    /// </param>
    public HandlerRunner(Action<IServiceCollection>? services = null, Action<ProcessorOptions>? options = null)
    {
        Connect = new OfflineConnect();
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddConnectProcessor(o =>
        {
            o.ConnectApiEndpoint = OfflineConnect.Endpoint;
            o.ConnectApiKey = OfflineConnect.ApiKey;
            o.Products = [DemoDefaults.ProductId];
            o.ActivationTemplateName = ActivationTemplateName;
            o.Tier1ActivationTemplateName = Tier1TemplateName;
            o.InquireTemplateName = InquireTemplateName;
            options?.Invoke(o);
        });
        collection.RemoveAll<ConnectClient>();
        collection.AddSingleton(Connect.Client);
        services?.Invoke(collection);
        _services = collection.BuildServiceProvider();
    }

    private const string ActivationTemplateName = "Default Activation Template";
    private const string Tier1TemplateName = "Tier1 Activation Template";
    private const string InquireTemplateName = "Inquire Template";

    /// <summary>The offline Connect API the handlers talk to: add tier configs, templates or renders before a run.</summary>
    public OfflineConnect Connect { get; }

    /// <summary>The services handlers are created from.</summary>
    public IServiceProvider Services => _services;

    /// <summary>Runs a handler instance on a fulfillment request.</summary>
    /// <param name="handler">The handler.</param>
    /// <param name="request">The request (built with <see cref="Requests"/>).</param>
    /// <param name="cancellationToken">Passed to the handler.</param>
    /// <returns>The outcome, the request after the handler's updates, and its calls.</returns>
    public Task<HandlerRun<FulfillmentRequest>> RunAsync(IRequestHandler<FulfillmentRequest> handler, FulfillmentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(request);
        return RunAsync(_ => handler, request, cancellationToken);
    }

    /// <summary>Creates a handler from the runner's services (constructor injection) and runs it on a fulfillment request.</summary>
    /// <typeparam name="THandler">The handler type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Passed to the handler.</param>
    /// <returns>The outcome, the request after the handler's updates, and its calls.</returns>
    public Task<HandlerRun<FulfillmentRequest>> RunAsync<THandler>(FulfillmentRequest request, CancellationToken cancellationToken = default)
        where THandler : class, IRequestHandler<FulfillmentRequest>
    {
        ArgumentNullException.ThrowIfNull(request);
        return RunAsync(sp => ActivatorUtilities.CreateInstance<THandler>(sp), request, cancellationToken);
    }

    /// <summary>Runs a handler instance on a tier config request.</summary>
    /// <param name="handler">The handler.</param>
    /// <param name="request">The tier config request (built with <see cref="TierConfigRequests"/>).</param>
    /// <param name="cancellationToken">Passed to the handler.</param>
    /// <returns>The outcome, the request after the handler's updates, and its calls.</returns>
    public Task<HandlerRun<TierConfigRequest>> RunAsync(IRequestHandler<TierConfigRequest> handler, TierConfigRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(request);
        return RunTierAsync(_ => handler, request, cancellationToken);
    }

    /// <summary>Creates a tier config handler from the runner's services and runs it.</summary>
    /// <typeparam name="THandler">The handler type.</typeparam>
    /// <param name="request">The tier config request.</param>
    /// <param name="cancellationToken">Passed to the handler.</param>
    /// <returns>The outcome, the request after the handler's updates, and its calls.</returns>
    public Task<HandlerRun<TierConfigRequest>> RunTierConfigAsync<THandler>(TierConfigRequest request, CancellationToken cancellationToken = default)
        where THandler : class, IRequestHandler<TierConfigRequest>
    {
        ArgumentNullException.ThrowIfNull(request);
        return RunTierAsync(sp => ActivatorUtilities.CreateInstance<THandler>(sp), request, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync().ConfigureAwait(false);
        Connect.Dispose();
    }

    private async Task<HandlerRun<FulfillmentRequest>> RunAsync(
        Func<IServiceProvider, IRequestHandler<FulfillmentRequest>> create, FulfillmentRequest request, CancellationToken cancellationToken)
    {
        var id = request.Id ?? throw new ArgumentException("The request needs an id.", nameof(request));
        Connect.Add(request);
        EnsureTemplates(request.Asset?.Product?.Id);
        var (outcome, calls) = await RunCoreAsync(create, request, id, request.Type ?? RequestType.Purchase, cancellationToken).ConfigureAwait(false);
        return new HandlerRun<FulfillmentRequest>(outcome, Connect.Request(id), calls, Connect.Messages(id));
    }

    private async Task<HandlerRun<TierConfigRequest>> RunTierAsync(
        Func<IServiceProvider, IRequestHandler<TierConfigRequest>> create, TierConfigRequest request, CancellationToken cancellationToken)
    {
        var id = request.Id ?? throw new ArgumentException("The request needs an id.", nameof(request));
        Connect.Add(request);
        EnsureTemplates(request.Configuration?.Product?.Id ?? request.Product?.Id);
        var (outcome, calls) = await RunCoreAsync(create, request, id, request.Type ?? TierConfigRequestType.Setup, cancellationToken).ConfigureAwait(false);
        return new HandlerRun<TierConfigRequest>(outcome, Connect.TierConfigRequest(id), calls, Connect.Messages(id));
    }

    private async Task<(ProcessResult Outcome, IReadOnlyList<RecordedCall> Calls)> RunCoreAsync<TItem>(
        Func<IServiceProvider, IRequestHandler<TItem>> create, TItem item, string id, string type, CancellationToken cancellationToken)
        where TItem : class
    {
        var before = Connect.Calls.Count;
        var scope = _services.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var handler = create(scope.ServiceProvider);
            var context = new ItemContext(Connect.Client, id, type, logger: null, services: scope.ServiceProvider);
            var outcome = await handler.HandleAsync(item, context, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"{handler.GetType().Name} returned no outcome for {id}; a handler returns a ProcessResult (Skip to leave the item).");
            return (outcome, [.. Connect.Calls.Skip(before)]);
        }
    }

    // The processor looks templates up by name; serve the configured names for the item's product unless the test did.
    private void EnsureTemplates(string? productId)
    {
        if (productId is null || Connect.HasTemplates(productId))
        {
            return;
        }

        var demo = productId == DemoDefaults.ProductId;
        var digits = productId.StartsWith("PRD-", StringComparison.Ordinal) ? productId[4..] : productId;
        string Id(int n) => demo ? $"TL-100-200-30{n.ToString(CultureInfo.InvariantCulture)}" : $"TL-{digits}-{n.ToString("000", CultureInfo.InvariantCulture)}";
        var options = _services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ProcessorOptions>>().Value;
        Connect.AddTemplate(productId, Id(1), options.ActivationTemplateName ?? ActivationTemplateName);
        Connect.AddTemplate(productId, Id(2), options.Tier1ActivationTemplateName ?? Tier1TemplateName, "tier1");
        Connect.AddTemplate(productId, Id(3), options.InquireTemplateName ?? InquireTemplateName, "asset", "inquire");
    }
}
