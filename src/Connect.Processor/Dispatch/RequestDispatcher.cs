using Connect.Automation;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Processor;

/// <summary>
/// The engine's handler in a processor stage: takes the request's lease (see <see cref="ItemLeases"/>), then hands the
/// request to the handler registered for its type (a keyed service resolved from the request's scope), after an optional
/// check that may decide first (ordering parameters). The lease stays in the request's scope (<see cref="LeaseHolder"/>)
/// until the engine has written the outcome.
/// </summary>
/// <typeparam name="TItem">Fulfillment or tier config request.</typeparam>
internal sealed class RequestDispatcher<TItem>(
    ProcessorStage stage, Func<TItem, string?> typeOf, RunState run, IReadOnlyList<IProcessorObserver> observers,
    ItemLeases leases, Func<string, CancellationToken, Task<TItem?>>? reread,
    Func<TItem, ItemContext, CancellationToken, Task<ProcessResult?>>? check = null)
    : IRequestHandler<TItem>
    where TItem : class
{
    // The engine's token means "take no new request"; handlers get the run's abort token instead, so a request already in
    // flight when a stop is requested is finished.
    public async Task<ProcessResult> HandleAsync(TItem item, ItemContext context, CancellationToken cancellationToken)
    {
        var id = context.ItemId;
        run.Messages.TryRemove(id, out _);
        run.Outcome.TryRemove(id, out _);

        // Without another replica to race (coordination: none) the listed copy is as fresh as a second read would be.
        var attempt = await leases.TryLeaseAsync<TItem>(id, reread is null ? _ => Task.FromResult<TItem?>(item) : ct => reread(id, ct), run.AbortToken).ConfigureAwait(false);
        switch (attempt.Status)
        {
            case LeaseStatus.HeldElsewhere:
                run.Messages[id] = "Leased by another replica, which is working on it.";
                return ProcessResult.Skip();
            case LeaseStatus.Finished:
                run.Outcome[id] = AutomationOutcome.AlreadyHandled;
                return ProcessResult.Skip();
            case LeaseStatus.Unavailable:
                run.StopIntake(attempt.Error!);
                run.Messages[id] = $"Not handled: the lock service is unavailable ({attempt.Error}).";
                return ProcessResult.Skip();
            default:
                context.Services.GetRequiredService<LeaseHolder>().Hold(attempt.Lease!);
                item = attempt.Item!;
                break;
        }

        var type = typeOf(item) ?? string.Empty;
        var result = check is null ? null : await check(item, context, run.AbortToken).ConfigureAwait(false);
        if (result is null)
        {
            var handler = context.Services.GetKeyedService<IRequestHandler<TItem>>(type);
            if (handler is null)
            {
                Log.NoHandler(context.Logger, id, type);
                run.Messages[id] = $"No handler registered for '{type}' requests.";
                return ProcessResult.Skip();
            }

            result = await handler.HandleAsync(item, context, run.AbortToken).ConfigureAwait(false);
            if (result is null)
            {
                // The engine reports a null result as an error; nothing to tell the observers.
                return null!;
            }
        }

        if (result.Message is { Length: > 0 } message)
        {
            run.Messages.TryAdd(id, message);
        }

        foreach (var observer in observers)
        {
            observer.OnRequestHandled(stage, id, type, result);
        }

        return result;
    }
}
