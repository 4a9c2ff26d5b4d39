using Microsoft.Extensions.Logging;

namespace Connect.Automation;

/// <summary>Log messages of the automation engines (event ids 2000-2099).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "{Engine} run started (max concurrency {MaxConcurrency}, query {Query})")]
    public static partial void RunStarted(ILogger logger, string engine, int maxConcurrency, string query);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "{Engine} run finished: {Report}")]
    public static partial void RunFinished(ILogger logger, string engine, AutomationReport report);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "{Engine} run cancelled: {Report}")]
    public static partial void RunCancelled(ILogger logger, string engine, AutomationReport report);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Listing pass {Pass} found {Count} new item(s)")]
    public static partial void PassFinished(ILogger logger, int pass, int count);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Debug, Message = "Processing {Id} (status {Status})")]
    public static partial void Processing(ILogger logger, string id, string? status);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Information, Message = "{Id}: {Outcome} ({Result})")]
    public static partial void Outcome(ILogger logger, string id, AutomationOutcome outcome, string result);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Information, Message = "{Id}: skipped because it needs migration")]
    public static partial void SkippedMigration(ILogger logger, string id);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Debug, Message = "{Id}: calling {Action}")]
    public static partial void Calling(ILogger logger, string id, string action);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Information, Message = "{Id}: {Action} did not go through ({Reason}); the item is now {Status}: counted as {Outcome}")]
    public static partial void Ambiguous(ILogger logger, string id, string action, string reason, string? status, AutomationOutcome outcome);

    [LoggerMessage(EventId = 2015, Level = LogLevel.Debug, Message = "{Id}: skip message already posted, not repeated")]
    public static partial void SkipMessageKept(ILogger logger, string id);

    [LoggerMessage(EventId = 2016, Level = LogLevel.Debug, Message = "{Id}: message posted to conversation {ConversationId}")]
    public static partial void MessagePosted(ILogger logger, string id, string conversationId);

    [LoggerMessage(EventId = 2017, Level = LogLevel.Warning, Message = "{Id}: no conversation to post the message to")]
    public static partial void NoConversation(ILogger logger, string id);

    [LoggerMessage(EventId = 2020, Level = LogLevel.Error, Message = "{Id}: handler failed; the item is left as it was")]
    public static partial void HandlerFailed(ILogger logger, string id, Exception exception);

    [LoggerMessage(EventId = 2021, Level = LogLevel.Error, Message = "{Id}: {Action} failed; the item is left as it was")]
    public static partial void ActionFailed(ILogger logger, string id, string action, Exception exception);

    [LoggerMessage(EventId = 2022, Level = LogLevel.Error, Message = "{Id}: the handler returned null; a result is required (nothing was done)")]
    public static partial void NullResult(ILogger logger, string id);

    [LoggerMessage(EventId = 2023, Level = LogLevel.Error, Message = "{Id}: result {Result} is not valid for this engine; nothing was done")]
    public static partial void InvalidResult(ILogger logger, string id, string result);

    [LoggerMessage(EventId = 2024, Level = LogLevel.Warning, Message = "{Id}: could not post the error note")]
    public static partial void NoteFailed(ILogger logger, string id, Exception exception);

    [LoggerMessage(EventId = 2025, Level = LogLevel.Information, Message = "{Id}: cancelled while processing; the item is left as it was")]
    public static partial void ItemCancelled(ILogger logger, string id);

    [LoggerMessage(EventId = 2030, Level = LogLevel.Warning, Message = "[buffered {BufferedLevel} {Timestamp:O}] {Category}: {Text}")]
    public static partial void Buffered(ILogger logger, string bufferedLevel, DateTimeOffset timestamp, string category, string text, Exception? exception);

    [LoggerMessage(EventId = 2031, Level = LogLevel.Warning, Message = "{Count} earlier debug entries of this item were dropped (buffer size {Size})")]
    public static partial void BufferOverflow(ILogger logger, int count, int size);
}
