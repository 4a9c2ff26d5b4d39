using Connect.Automation;
using Connect.Sdk;

namespace OpenTelemetry.Metrics;

/// <summary>Adds the Connect packages' meters to an OpenTelemetry meter provider.</summary>
public static class ConnectMeterProviderBuilderExtensions
{
    /// <summary>
    /// Subscribes to the metrics of the Connect SDK (<see cref="ConnectSdkTelemetry.Name"/>: HTTP call duration and
    /// retries) and of the automation engines (<see cref="AutomationTelemetry.Name"/>: items by outcome, handler duration).
    /// </summary>
    /// <param name="builder">The meter provider builder.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static MeterProviderBuilder AddConnectInstrumentation(this MeterProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddMeter(ConnectSdkTelemetry.Name, AutomationTelemetry.Name);
    }
}
