using Connect.Automation;
using Connect.Sdk;

namespace OpenTelemetry.Trace;

/// <summary>Adds the Connect packages' activity sources to an OpenTelemetry tracer provider.</summary>
public static class ConnectTracerProviderBuilderExtensions
{
    /// <summary>
    /// Subscribes to the spans of the Connect SDK (<see cref="ConnectSdkTelemetry.Name"/>: one client span per HTTP call)
    /// and of the automation engines (<see cref="AutomationTelemetry.Name"/>: a span per run and per item).
    /// </summary>
    /// <param name="builder">The tracer provider builder.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static TracerProviderBuilder AddConnectInstrumentation(this TracerProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddSource(ConnectSdkTelemetry.Name, AutomationTelemetry.Name);
    }
}
