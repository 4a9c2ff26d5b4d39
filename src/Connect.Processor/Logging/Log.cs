using Microsoft.Extensions.Logging;

namespace Connect.Processor;

/// <summary>The processor's log messages (event ids 4000-4099).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Processor run started (mode {Mode}, products {Products}, environments {Environments}, shard {ShardIndex}/{ShardCount})")]
    public static partial void RunStarted(ILogger logger, ProcessorRunMode mode, string products, string environments, int shardIndex, int shardCount);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Processor run finished: {Summary}")]
    public static partial void RunFinished(ILogger logger, string summary);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Pass {Pass}: {Stage} processed {Count} request(s)")]
    public static partial void StageFinished(ILogger logger, int pass, ProcessorStage stage, int count);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Pass {Pass} made no progress; the run is complete")]
    public static partial void NoProgress(ILogger logger, int pass);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Stopped after {Passes} passes (maxPasses) while requests were still changing")]
    public static partial void PassLimit(ILogger logger, int passes);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Debug, Message = "{RequestId} belongs to shard {Shard}, not {Index}; left to its replica")]
    public static partial void OtherShard(ILogger logger, string requestId, int shard, int index);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Information, Message = "{RequestId} ({RequestType}): no handler registered for this type; skipped")]
    public static partial void NoHandler(ILogger logger, string requestId, string requestType);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Information, Message = "{RequestId} ({RequestType}): {Count} ordering parameter(s) invalid ({Parameters}); inquiring")]
    public static partial void InvalidOrderingParameters(ILogger logger, string requestId, string requestType, int count, string parameters);

    [LoggerMessage(EventId = 4014, Level = LogLevel.Error, Message = "{RequestId} ({RequestType}) failed unexpectedly: {Message}")]
    public static partial void UnexpectedFailure(ILogger logger, string requestId, string requestType, string message, Exception? exception);

    [LoggerMessage(EventId = 4020, Level = LogLevel.Information, Message = "Reporting usage for {Period}")]
    public static partial void UsageStarted(ILogger logger, string period);

    [LoggerMessage(EventId = 4021, Level = LogLevel.Information, Message = "Usage file {UsageFileId} for product {ProductId}, period {Period}, submitted")]
    public static partial void UsageFileSubmitted(ILogger logger, string usageFileId, string productId, string period);

    [LoggerMessage(EventId = 4022, Level = LogLevel.Error, Message = "Usage reporting for {Period} failed")]
    public static partial void UsageFailed(ILogger logger, string period, Exception exception);

    [LoggerMessage(EventId = 4023, Level = LogLevel.Debug, Message = "Usage for {Period} was already reported by this process")]
    public static partial void UsageAlreadyReported(ILogger logger, string period);

    [LoggerMessage(EventId = 4030, Level = LogLevel.Information, Message = "Next pass in {Seconds} s")]
    public static partial void Waiting(ILogger logger, int seconds);

    [LoggerMessage(EventId = 4031, Level = LogLevel.Information, Message = "Stop requested: finishing the requests in flight, taking no new ones")]
    public static partial void Stopping(ILogger logger);

    [LoggerMessage(EventId = 4032, Level = LogLevel.Error, Message = "Processor pass failed")]
    public static partial void PassFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4050, Level = LogLevel.Error, Message = "Lock service {Service} is unavailable ({Error}): taking no new requests until it answers again; none is handled without a lease")]
    public static partial void LockServiceDown(ILogger logger, string service, string error);

    [LoggerMessage(EventId = 4051, Level = LogLevel.Warning, Message = "Lock service {Service} answers again after {Seconds:0.0} s; taking requests")]
    public static partial void LockServiceBack(ILogger logger, string service, double seconds);

    [LoggerMessage(EventId = 4052, Level = LogLevel.Debug, Message = "{RequestId} is leased by another replica; left to it")]
    public static partial void LeaseHeldElsewhere(ILogger logger, string requestId);

    [LoggerMessage(EventId = 4053, Level = LogLevel.Debug, Message = "{RequestId} was finished meanwhile (read again under its lease); nothing to do")]
    public static partial void LeasedButFinished(ILogger logger, string requestId);

    [LoggerMessage(EventId = 4054, Level = LogLevel.Warning, Message = "{RequestId}: the lease was lost before its outcome was written (lock service {Service}); another replica may take the request, and only the vendor's idempotency key then prevents a second order")]
    public static partial void LeaseLost(ILogger logger, string requestId, string service);

    [LoggerMessage(EventId = 4055, Level = LogLevel.Warning, Message = "{RequestId}: releasing the lease failed ({Error}); it ends by itself (lock service {Service})")]
    public static partial void LeaseReleaseFailed(ILogger logger, string requestId, string service, string error);

    [LoggerMessage(EventId = 4056, Level = LogLevel.Information, Message = "Coordination: {Service}, lease duration {Seconds} s")]
    public static partial void Coordination(ILogger logger, string service, int seconds);

    [LoggerMessage(EventId = 4040, Level = LogLevel.Information, Message = "Dynamic validation listening on {Url}")]
    public static partial void ValidationListening(ILogger logger, string url);

    [LoggerMessage(EventId = 4041, Level = LogLevel.Warning, Message = "Dynamic validation rejected a body: {Reason}")]
    public static partial void ValidationBadRequest(ILogger logger, string reason);

    [LoggerMessage(EventId = 4042, Level = LogLevel.Information, Message = "Dynamic validation of {RequestId}: {Count} parameter error(s)")]
    public static partial void ValidationDone(ILogger logger, string requestId, int count);
}
