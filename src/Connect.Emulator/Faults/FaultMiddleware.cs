using Connect.Emulator.Domain;
using System.Globalization;
using Connect.Emulator.Http;

namespace Connect.Emulator.Faults;

/// <summary>
/// Applies the fault rules to every call after authentication and before routing, except the control API
/// (<c>/emulator/v1/...</c>) and the dashboard's pages (<c>/ui/...</c>), which are never faulted.
/// </summary>
internal static class FaultMiddleware
{
    public const string ErrorCode = "FLT_001";
    public const string ThrottleCode = "FLT_002";
    public const string AfterCommitCode = "FLT_003";

    private const string ControlPrefix = "/emulator/v1";

    // The dashboard's pages stay usable while faults are injected (its actions, API calls, are faulted like any client's).
    private const string DashboardPrefix = "/ui";

    public static async Task InvokeAsync(HttpContext context, RequestDelegate next, FaultInjector faults)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (!faults.Enabled || path.StartsWith(ControlPrefix, StringComparison.Ordinal) || context.Request.Path.StartsWithSegments(DashboardPrefix))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var method = context.Request.Method;
        var decision = faults.Decide(method, path);
        if (decision.DelayMs > 0)
        {
            await Task.Delay(decision.DelayMs, context.RequestAborted).ConfigureAwait(false);
        }

        var rule = decision.Rule;
        switch (rule?.Kind)
        {
            case null or FaultKind.Latency:
                await next(context).ConfigureAwait(false);
                return;
            case FaultKind.Error:
                await Responses.WriteErrorAsync(context, rule.Status, ErrorCode, $"Injected fault: {method} {path} answered {Status(rule.Status)}.")
                    .ConfigureAwait(false);
                return;
            case FaultKind.Throttle:
                context.Response.Headers.RetryAfter = rule.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                await Responses.WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, ThrottleCode,
                    $"Injected fault: too many requests, retry after {Status(rule.RetryAfterSeconds)} s.").ConfigureAwait(false);
                return;
            case FaultKind.Reset:
                context.Abort();
                return;
            case FaultKind.FailAfterCommit:
                await RunThenFailAsync(context, next, rule, method, path).ConfigureAwait(false);
                return;
        }
    }

    /// <summary>Runs the call with its answer captured, drops the answer and sends the rule's error instead.</summary>
    private static async Task RunThenFailAsync(HttpContext context, RequestDelegate next, FaultRule rule, string method, string path)
    {
        var original = context.Response.Body;
        using (var discarded = new MemoryStream())
        {
            context.Response.Body = discarded;
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ApiException or DomainException)
            {
                // A business error (nothing committed): the client gets the injected error all the same.
            }
            finally
            {
                context.Response.Body = original;
            }
        }

        var handled = context.Response.StatusCode;
        context.Response.Clear();
        await Responses.WriteErrorAsync(context, rule.Status, AfterCommitCode,
            $"Injected fault: {method} {path} was handled (status {Status(handled)}) but its answer was replaced by {Status(rule.Status)}.")
            .ConfigureAwait(false);
    }

    private static string Status(int value) => value.ToString(CultureInfo.InvariantCulture);
}
