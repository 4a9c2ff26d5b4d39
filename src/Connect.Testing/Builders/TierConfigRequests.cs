using Connect.Sdk;
using Connect.Sdk.Models;

namespace Connect.Testing;

/// <summary>
/// Starting points for tier config request builders: a pending request for the Northwind reseller (tier 1) on the
/// emulator's demo product, or a recorded request as the template.
/// </summary>
public static class TierConfigRequests
{
    /// <summary>A pending setup request (the first configuration of a tier account; the tier config is <c>processing</c>).</summary>
    /// <returns>The builder.</returns>
    public static TierConfigRequestBuilder Setup() => new(TierConfigRequestType.Setup);

    /// <summary>A pending update request of an active tier config.</summary>
    /// <returns>The builder.</returns>
    public static TierConfigRequestBuilder Update() => new(TierConfigRequestType.Update);

    /// <summary>A pending adjustment request of an active tier config.</summary>
    /// <returns>The builder.</returns>
    public static TierConfigRequestBuilder Adjustment() => new(TierConfigRequestType.Adjustment);

    /// <summary>A builder that starts from a recorded tier config request (JSON file).</summary>
    /// <param name="path">Path of the JSON file.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ConnectSerializationException">The file is not a tier config request document.</exception>
    public static TierConfigRequestBuilder FromFile(string path) => FromJson(File.ReadAllText(path));

    /// <summary>A builder that starts from a tier config request document given as JSON text.</summary>
    /// <param name="json">The document.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ConnectSerializationException">The text is not a tier config request document.</exception>
    public static TierConfigRequestBuilder FromJson(string json) => new(ConnectSerializer.Deserialize<TierConfigRequest>(json));
}
