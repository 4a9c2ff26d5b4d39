using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Connect.Sdk;
using Microsoft.Extensions.Logging;

namespace Connect.Automation;

/// <summary>
/// One item through the engine: the handler's decision (a returned result, or an outcome exception), the result
/// carried out on Connect, and race reconciliation: when a call is refused or its answer is lost, the item is read
/// again, and one that another actor moved on counts as <see cref="AutomationOutcome.AlreadyHandled"/>, not as a fault.
/// </summary>
internal sealed class ItemRun<TItem>(
    ItemKind<TItem> kind, AutomationOptions options, TItem item, string id, string type, ItemContext context, ItemLogger logger,
    ConcurrentQueue<AutomationError> errors)
    where TItem : class
{
    public async Task<AutomationOutcome> RunAsync(IRequestHandler<TItem> handler, CancellationToken cancellationToken)
    {
        Log.Processing(logger, id, kind.StatusOf(item));
        if (kind.SkipBeforeHandler(item, options))
        {
            Log.SkippedMigration(logger, id);
            return AutomationOutcome.Skipped;
        }

        ProcessResult? result;
        var handlerStarted = Stopwatch.GetTimestamp();
        try
        {
            result = await handler.HandleAsync(item, context, cancellationToken).ConfigureAwait(false);
        }
        catch (AutomationOutcomeException outcome)
        {
            try
            {
                result = outcome.Result;
            }
            catch (ArgumentException invalid)
            {
                return Fail(invalid.Message, invalid, () => Log.HandlerFailed(logger, id, invalid));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.ItemCancelled(logger, id);
            return AutomationOutcome.Cancelled;
        }
        catch (Exception ex)
        {
            RecordHandlerDuration(handlerStarted);

            // A call of the handler's own refused because someone else moved the item on meanwhile: not a fault.
            if (IsRefusal(ex) && await MovedOnAsync().ConfigureAwait(false) is { } status)
            {
                Log.Ambiguous(logger, id, "handler", ex.Message, status, AutomationOutcome.AlreadyHandled);
                return AutomationOutcome.AlreadyHandled;
            }

            var failed = Fail(ex.Message, ex, () => Log.HandlerFailed(logger, id, ex));
            await PostErrorNoteAsync(ex).ConfigureAwait(false);
            return failed;
        }

        RecordHandlerDuration(handlerStarted);
        if (result is null)
        {
            return Fail("The handler returned null; return a ProcessResult (approve, inquire, fail or skip).", null, () => Log.NullResult(logger, id));
        }

        if (!kind.Supports(result.Action))
        {
            var text = result.ToString();
            return Fail($"Result {text} is not valid for {kind.Name}.", null, () => Log.InvalidResult(logger, id, text));
        }

        if (result.Action == ProcessAction.Complete)
        {
            Log.Outcome(logger, id, AutomationOutcome.Completed, "processed");
            return AutomationOutcome.Completed;
        }

        // From here on the result is written to the end: cancellation must not split it (see ProcessAsync).
        try
        {
            return await CommitAsync(result).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            var action = result.Action.ToString();
            return Fail($"{action} failed: {ex.Message}", ex, () => Log.ActionFailed(logger, id, action, ex));
        }
    }

    private static AutomationOutcome OutcomeOf(ProcessAction action) => action switch
    {
        ProcessAction.Approve or ProcessAction.ApproveWithTile => AutomationOutcome.Approved,
        ProcessAction.Inquire => AutomationOutcome.Inquired,
        ProcessAction.Fail => AutomationOutcome.Failed,
        ProcessAction.Skip => AutomationOutcome.Skipped,
        ProcessAction.Accept => AutomationOutcome.Accepted,
        ProcessAction.Reject => AutomationOutcome.Rejected,
        ProcessAction.Close => AutomationOutcome.Closed,
        ProcessAction.Delete => AutomationOutcome.Deleted,
        ProcessAction.Submit => AutomationOutcome.Submitted,
        ProcessAction.Complete => AutomationOutcome.Completed,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    // Could the action have been refused because the item moved on, or have gone through without us seeing the answer?
    private static bool IsAmbiguous(Exception exception) => exception switch
    {
        ConnectApiException api => api.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict || (int)api.StatusCode >= 500,
        ConnectException { IsTransportFailure: true } => true,
        _ => exception.GetType().Name == "TimeoutRejectedException",
    };

    // A refusal the handler's own call can get when the item moved on (wrong status, gone, conflicting edit).
    private static bool IsRefusal(Exception exception) =>
        exception is ConnectApiException { StatusCode: HttpStatusCode.BadRequest or HttpStatusCode.Conflict or HttpStatusCode.NotFound };

    // A 4xx answer means the server refused our call: if the item is in the target status, someone else put it there.
    private static bool IsClientError(Exception exception) =>
        exception is ConnectApiException api && (int)api.StatusCode is >= 400 and < 500;

    private async Task<AutomationOutcome> CommitAsync(ProcessResult result)
    {
        var wanted = OutcomeOf(result.Action);
        try
        {
            Log.Calling(logger, id, result.ToString());
            await kind.ExecuteAsync(context.Client, id, result, context, CancellationToken.None).ConfigureAwait(false);
            Log.Outcome(logger, id, wanted, result.ToString());
            return wanted;
        }
        catch (Exception ex) when (result.Action != ProcessAction.Skip && IsAmbiguous(ex))
        {
            var status = await kind.ReadStatusAsync(context.Client, id, CancellationToken.None).ConfigureAwait(false);
            if (status == kind.StatusOf(item))
            {
                // Still where it was: the action was genuinely refused (e.g. a required parameter is empty).
                throw;
            }

            var outcome = status == kind.TargetStatus(result.Action) && !IsClientError(ex) ? wanted : AutomationOutcome.AlreadyHandled;
            Log.Ambiguous(logger, id, result.Action.ToString(), ex.Message, status, outcome);
            return outcome;
        }
    }

    /// <summary>The item's status when it is no longer the one it was listed with; null when unchanged or unreadable.</summary>
    private async Task<string?> MovedOnAsync()
    {
        try
        {
            var status = await kind.ReadStatusAsync(context.Client, id, CancellationToken.None).ConfigureAwait(false);
            return status == kind.StatusOf(item) ? null : status ?? string.Empty;
        }
        catch (ConnectException)
        {
            return null;
        }
    }

    private void RecordHandlerDuration(long started) =>
        AutomationTelemetry.HandlerDuration.Record(
            Stopwatch.GetElapsedTime(started).TotalSeconds, new TagList { { "connect.automation.kind", kind.Name }, { "connect.item.type", type } });

    private AutomationOutcome Fail(string message, Exception? exception, Action log)
    {
        AutomationTelemetry.RecordFailure(message, exception);
        // The buffered debug entries come first, so they read as the story leading to the error.
        logger.Flush();
        log();
        errors.Enqueue(new AutomationError(id, type, message, exception));
        return AutomationOutcome.Error;
    }

    private async Task PostErrorNoteAsync(Exception exception)
    {
        if (!options.PostNoteOnUnexpectedError || !context.HasConversation)
        {
            return;
        }

        try
        {
            await context.AddNoteOnceAsync($"Skipping request because an exception was thrown: {exception.Message}", CancellationToken.None).ConfigureAwait(false);
        }
        catch (ConnectException noteError)
        {
            Log.NoteFailed(logger, id, noteError);
        }
    }
}
