using Connect.Automation;

namespace Connect.Processor;

/// <summary>What happened to one request in a run (the last outcome when a run saw it more than once).</summary>
/// <param name="Id">Request id.</param>
/// <param name="Stage">Tier config or fulfillment request.</param>
/// <param name="Type">Request type (<c>purchase</c>, <c>change</c>, ..., <c>setup</c>, <c>update</c>).</param>
/// <param name="Outcome">The outcome (approved, inquired, failed, skipped, already handled, error, cancelled).</param>
/// <param name="Duration">Time spent on it (handler and Connect calls).</param>
/// <param name="Message">The fail reason, skip reason, inquired parameters or error message; null when there is none.</param>
/// <param name="Pass">The pass (1-based) that produced the outcome.</param>
public sealed record ProcessedRequest(
    string Id, ProcessorStage Stage, string Type, AutomationOutcome Outcome, TimeSpan Duration, string? Message, int Pass);
