using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Connect.Processor;

/// <summary>
/// Runs the processor inside the host: once (then stops the application) or every interval until the host stops. A stop
/// request (SIGTERM, Ctrl+C) lets the requests in flight finish and takes no new one; when the host's shutdown timeout
/// runs out, handlers still running are cancelled.
/// </summary>
internal sealed class ProcessorHostedService(
    ConnectProcessor processor, ProcessorExecution execution, IHostApplicationLifetime lifetime, ILogger<ProcessorHostedService> logger, TimeProvider time)
    : BackgroundService
{
    private readonly CancellationTokenSource _abort = new();

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        Log.Stopping(logger);

        // The host cancels this token when its shutdown timeout is over: then abort the handlers still running.
        await using var registration = cancellationToken.Register(() => _abort.Cancel()).ConfigureAwait(false);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (and other hosted services, such as dynamic validation, bind) first.
        await Task.Yield();
        try
        {
            if (processor.Options.Mode == ProcessorRunMode.Once)
            {
                var report = await processor.RunOnceAsync(stoppingToken, _abort.Token).ConfigureAwait(false);
                execution.Complete(report);
                lifetime.StopApplication();
                return;
            }

            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    execution.Complete(await processor.RunOnceAsync(stoppingToken, _abort.Token).ConfigureAwait(false));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A pass that cannot even list requests (Connect down) is retried on the next interval.
                    Log.PassFailed(logger, ex);
                    execution.Fail(ex);
                }

                Log.Waiting(logger, processor.Options.IntervalSeconds);
                await Task.Delay(processor.Options.Interval, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping between passes.
        }
        catch (Exception ex)
        {
            Log.PassFailed(logger, ex);
            execution.Fail(ex);
            lifetime.StopApplication();
        }
    }
}
