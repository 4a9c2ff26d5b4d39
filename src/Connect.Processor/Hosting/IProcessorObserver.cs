using Connect.Automation;

namespace Connect.Processor;

/// <summary>
/// Watches a processor run, for progress displays and metrics. Register any number with
/// <c>services.AddSingleton&lt;IProcessorObserver, ...&gt;()</c>; calls may come from several threads when
/// <see cref="ProcessorOptions.MaxConcurrency"/> is above 1, and must not throw.
/// </summary>
public interface IProcessorObserver
{
    /// <summary>A stage of a pass starts.</summary>
    /// <param name="stage">Tier config or fulfillment requests.</param>
    /// <param name="pass">Pass number, 1-based.</param>
    /// <param name="pending">How many requests match the stage's filter (all replicas' share), or -1 when unknown.</param>
    void OnStageStarted(ProcessorStage stage, int pass, long pending)
    {
    }

    /// <summary>A handler returned its decision for a request; the processor is about to apply it.</summary>
    /// <param name="stage">Tier config or fulfillment requests.</param>
    /// <param name="requestId">Request id.</param>
    /// <param name="requestType">Request type.</param>
    /// <param name="result">The decision.</param>
    void OnRequestHandled(ProcessorStage stage, string requestId, string requestType, ProcessResult result)
    {
    }

    /// <summary>A stage finished; <paramref name="requests"/> hold the final outcomes of its requests.</summary>
    /// <param name="stage">Tier config or fulfillment requests.</param>
    /// <param name="pass">Pass number.</param>
    /// <param name="requests">Outcomes, including <see cref="AutomationOutcome.AlreadyHandled"/> and errors.</param>
    void OnStageCompleted(ProcessorStage stage, int pass, IReadOnlyList<ProcessedRequest> requests)
    {
    }

    /// <summary>A run finished.</summary>
    /// <param name="report">Its report.</param>
    void OnRunCompleted(ProcessorRunReport report)
    {
    }
}
