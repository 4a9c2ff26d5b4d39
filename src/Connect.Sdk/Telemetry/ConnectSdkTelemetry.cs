using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Connect.Sdk;

/// <summary>
/// The names under which the SDK reports traces and metrics. Add them to an OpenTelemetry
/// <c>TracerProviderBuilder.AddSource</c> / <c>MeterProviderBuilder.AddMeter</c> (the SDK itself needs no
/// OpenTelemetry package); docs/observability.md lists every span, attribute and instrument.
/// </summary>
public static class ConnectSdkTelemetry
{
    /// <summary>Name of the SDK's <see cref="ActivitySource"/> and of its <see cref="Meter"/>.</summary>
    public const string Name = "Connect.Sdk";

    internal static readonly ActivitySource Source = new(Name, typeof(ConnectSdkTelemetry).Assembly.GetName().Version?.ToString());

    internal static readonly Meter Meter = new(Name, typeof(ConnectSdkTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>OpenTelemetry semantic convention <c>http.client.request.duration</c>: one value per call, all attempts included.</summary>
    internal static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>(
        "http.client.request.duration", "s", "Duration of HTTP client calls to Connect, retries included.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10] });

    /// <summary>Attempts beyond the first, per call.</summary>
    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "connect.http.client.retries", "{retry}", "Retried attempts of HTTP calls to Connect.");
}
