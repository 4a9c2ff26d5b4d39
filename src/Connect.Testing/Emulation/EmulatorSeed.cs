using Connect.Sdk.Models;

namespace Connect.Testing;

/// <summary>Objects to store in the emulator exactly as built (<c>POST /emulator/v1/seed</c>).</summary>
public sealed class EmulatorSeed
{
    /// <summary>Fulfillment requests; each one's embedded asset is stored too when the emulator does not have it.</summary>
    public IList<FulfillmentRequest> Requests { get; } = [];

    /// <summary>Tier config requests; each one's tier config is stored too when the emulator does not have it.</summary>
    public IList<TierConfigRequest> TierConfigRequests { get; } = [];

    /// <summary>Assets.</summary>
    public IList<Asset> Assets { get; } = [];

    /// <summary>Usage files.</summary>
    public IList<UsageFile> UsageFiles { get; } = [];

    /// <summary>True when there is nothing to store.</summary>
    public bool IsEmpty => Requests.Count == 0 && TierConfigRequests.Count == 0 && Assets.Count == 0 && UsageFiles.Count == 0;
}
