namespace Connect.Processor;

/// <summary>A stage of a processor pass.</summary>
public enum ProcessorStage
{
    /// <summary>Pending tier config requests (processed first).</summary>
    TierConfigRequests,

    /// <summary>Pending fulfillment requests.</summary>
    FulfillmentRequests,
}
