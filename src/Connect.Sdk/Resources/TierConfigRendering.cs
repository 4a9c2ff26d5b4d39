namespace Connect.Sdk.Resources;

/// <summary>
/// Rendering a tier config (<c>GET /tier/configs/{id}/render</c>) as a call on <see cref="TierConfigsResource"/>. Kept
/// in its own file while the resource files are being split; it belongs on <see cref="TierConfigsResource"/> itself.
/// </summary>
public static class TierConfigRendering
{
    /// <summary>The Markdown of a tier config: the template it was activated with, filled with its parameters.</summary>
    /// <param name="tierConfigs">The tier configs resource.</param>
    /// <param name="tierConfigId">Tier config id (<c>TC-...</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rendered Markdown.</returns>
    public static Task<string> RenderAsync(this TierConfigsResource tierConfigs, string tierConfigId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tierConfigs);
        ArgumentException.ThrowIfNullOrWhiteSpace(tierConfigId);
        return tierConfigs.Transport.GetTextAsync(tierConfigs.Path + "/" + ConnectTransport.Segment(tierConfigId) + "/render", null, cancellationToken);
    }
}
