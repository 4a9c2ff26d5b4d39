using Connect.Automation;
using Connect.Sdk.Models;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Processor;

/// <summary>Which handlers are registered (keyed by request type, or for any type).</summary>
internal static class RegisteredHandlers
{
    /// <summary>The tier config request types Connect has.</summary>
    private static readonly string[] TierConfigTypes = ["setup", "update"];

    /// <summary>Whether a handler of tier config requests is registered, for one of their types or for any.</summary>
    public static bool HasTierConfigHandler(IServiceProviderIsService services) =>
        services is IServiceProviderIsKeyedService keyed
        && TierConfigTypes.Any(type => keyed.IsKeyedService(typeof(IRequestHandler<TierConfigRequest>), type));
}
