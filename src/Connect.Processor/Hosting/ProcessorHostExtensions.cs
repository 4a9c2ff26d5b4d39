using Connect.Processor;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Runs a processor host and turns its outcome into a process exit code.</summary>
public static class ProcessorHostExtensions
{
    /// <summary>Exit code when the configuration is invalid.</summary>
    public const int ConfigurationErrorExitCode = 2;

    /// <summary>
    /// Runs the host until it stops (at the end of a <c>once</c> run, or on SIGTERM/Ctrl+C in continuous mode) and
    /// returns the exit code: 0 when no request failed unexpectedly, 1 when one did, 2 when the configuration is invalid
    /// (one line naming every setting at fault is written to standard error; no stack trace).
    /// </summary>
    /// <param name="host">The built host.</param>
    /// <param name="cancellationToken">Stops the host.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunProcessorAsync(this IHost host, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);

        // Settings are checked before the host starts, so that a bad one is reported as one line rather than as the
        // host's start-up failure (logged with its stack trace). RunAsync disposes the host's services when it returns:
        // take the execution record first.
        if (await ReportConfigurationFailuresAsync(host.Services).ConfigureAwait(false))
        {
            return ConfigurationErrorExitCode;
        }

        var execution = host.Services.GetRequiredService<ProcessorExecution>();
        try
        {
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ConfigurationFailures(ex) is { Count: > 0 } failures)
        {
            await WriteFailuresAsync(failures).ConfigureAwait(false);
            return ConfigurationErrorExitCode;
        }

        return execution.ExitCode;
    }

    /// <summary>
    /// The option validation messages inside <paramref name="exception"/> (start-up validation may aggregate them), each
    /// once. The processor's own messages name its configuration keys; the client's (<see cref="Connect.Sdk.ConnectClientOptions"/>,
    /// configured from the processor's) are only listed when the processor's settings passed.
    /// </summary>
    /// <param name="exception">The exception thrown by the host's start.</param>
    /// <returns>The messages, each naming its setting; empty when the exception is not about configuration.</returns>
    public static IReadOnlyList<string> ConfigurationFailures(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var all = Validations(exception).ToList();
        var processor = all.Where(e => e.OptionsType == typeof(ProcessorOptions)).ToList();
        return [.. (processor.Count > 0 ? processor : all).SelectMany(e => e.Failures).Distinct(StringComparer.Ordinal)];
    }

    private static async Task<bool> ReportConfigurationFailuresAsync(IServiceProvider services)
    {
        var invalid = new List<Exception>();
        foreach (var read in new Action[]
        {
            () => _ = services.GetRequiredService<IOptions<ProcessorOptions>>().Value,
            () => _ = services.GetRequiredService<IOptions<Connect.Sdk.ConnectClientOptions>>().Value,
        })
        {
            try
            {
                read();
            }
            catch (OptionsValidationException ex)
            {
                invalid.Add(ex);
            }
        }

        if (invalid.Count == 0)
        {
            return false;
        }

        await WriteFailuresAsync(ConfigurationFailures(new AggregateException(invalid))).ConfigureAwait(false);
        return true;
    }

    // One line on standard error, naming every setting at fault.
    private static Task WriteFailuresAsync(IReadOnlyList<string> failures) =>
        Console.Error.WriteLineAsync("Invalid processor configuration: " + string.Join(" ", failures.Select(f => f.TrimEnd('.') + ".")));

    private static IEnumerable<OptionsValidationException> Validations(Exception exception) => exception switch
    {
        OptionsValidationException options => [options],
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(Validations),
        _ => [],
    };
}
