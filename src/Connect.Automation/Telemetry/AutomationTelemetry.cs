using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Connect.Automation;

/// <summary>
/// The names under which the automation engine reports traces and metrics. Add them to an OpenTelemetry
/// <c>TracerProviderBuilder.AddSource</c> / <c>MeterProviderBuilder.AddMeter</c> (the package itself needs no
/// OpenTelemetry package); docs/observability.md lists every span, attribute and instrument.
/// </summary>
public static class AutomationTelemetry
{
    /// <summary>Name of the engine's <see cref="ActivitySource"/> and of its <see cref="Meter"/>.</summary>
    public const string Name = "Connect.Automation";

    internal static readonly ActivitySource Source = new(Name, typeof(AutomationTelemetry).Assembly.GetName().Version?.ToString());

    internal static readonly Meter Meter = new(Name, typeof(AutomationTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>One per processed item, by kind and outcome: the same counts as the run's report.</summary>
    internal static readonly Counter<long> ItemsProcessed = Meter.CreateCounter<long>(
        "connect.automation.items", "{item}", "Items processed by the automation engine, by kind and outcome.");

    /// <summary>Time the handler took to decide one item (the Connect calls that carry out its result not included).</summary>
    internal static readonly Histogram<double> HandlerDuration = Meter.CreateHistogram<double>(
        "connect.automation.handler.duration", "s", "Duration of the handler's decision for one item.");

    /// <summary>Marks the current item span failed with <paramref name="message"/> and, when there is one, the exception.</summary>
    internal static void RecordFailure(string message, Exception? exception)
    {
        // Only the engine's own item span: a caller's span that happens to be current is not ours to mark.
        if (Activity.Current is { } activity && activity.Source == Source && activity.OperationName == ItemSpanName)
        {
            activity.SetStatus(ActivityStatusCode.Error, message);
            if (exception is not null)
            {
                activity.AddException(exception);
                activity.SetTag("error.type", exception.GetType().FullName);
            }
        }
    }

    internal const string RunSpanName = "connect.automation.run";

    internal const string ItemSpanName = "connect.automation.item";
}
