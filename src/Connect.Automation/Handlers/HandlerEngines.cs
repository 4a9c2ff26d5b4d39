using Connect.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Connect.Sdk.Models;

namespace Connect.Automation;

/// <summary>A <see cref="FulfillmentAutomation"/> that resolves <typeparamref name="THandler"/> in a new scope per request.</summary>
internal sealed class HandlerFulfillmentAutomation<THandler>(ConnectClient client, AutomationOptions options, ILogger? logger, IServiceScopeFactory scopes)
    : FulfillmentAutomation(client, options, logger)
    where THandler : class, IFulfillmentHandler
{
    protected override async Task<ProcessResult> ProcessRequestAsync(FulfillmentRequest request, CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var handler = scope.ServiceProvider.GetRequiredService<THandler>();
            return await handler.HandleAsync(request, Context, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>A <see cref="TierConfigAutomation"/> that resolves <typeparamref name="THandler"/> in a new scope per request.</summary>
internal sealed class HandlerTierConfigAutomation<THandler>(ConnectClient client, AutomationOptions options, ILogger? logger, IServiceScopeFactory scopes)
    : TierConfigAutomation(client, options, logger)
    where THandler : class, ITierConfigHandler
{
    protected override async Task<ProcessResult> ProcessRequestAsync(TierConfigRequest request, CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var handler = scope.ServiceProvider.GetRequiredService<THandler>();
            return await handler.HandleAsync(request, Context, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>A <see cref="UsageFileAutomation"/> that resolves <typeparamref name="THandler"/> in a new scope per file.</summary>
internal sealed class HandlerUsageFileAutomation<THandler>(ConnectClient client, AutomationOptions options, ILogger? logger, IServiceScopeFactory scopes)
    : UsageFileAutomation(client, options, logger)
    where THandler : class, IUsageFileHandler
{
    protected override async Task<ProcessResult> ProcessRequestAsync(UsageFile usageFile, CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var handler = scope.ServiceProvider.GetRequiredService<THandler>();
            return await handler.HandleAsync(usageFile, Context, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>A <see cref="UsageAutomation"/> that resolves <typeparamref name="THandler"/> in a new scope per listing.</summary>
internal sealed class HandlerUsageAutomation<THandler>(ConnectClient client, AutomationOptions options, ILogger? logger, IServiceScopeFactory scopes)
    : UsageAutomation(client, options, logger)
    where THandler : class, IUsageHandler
{
    protected override async Task ProcessRequestAsync(UsageListing listing, CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var handler = scope.ServiceProvider.GetRequiredService<THandler>();
            await handler.HandleAsync(listing, Context, cancellationToken).ConfigureAwait(false);
        }
    }
}
