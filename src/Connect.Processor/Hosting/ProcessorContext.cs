using Connect.Sdk;
using Microsoft.Extensions.Logging;
using Connect.Sdk.Models;

namespace Connect.Processor;

/// <summary>What a handler gets besides its request: the client, settings, template lookup and parameter updates.</summary>
public sealed class ProcessorContext
{
    private readonly TemplateCache _templates;
    private readonly Func<IEnumerable<Param>, string?, CancellationToken, Task> _updateParameters;

    internal ProcessorContext(
        ConnectClient client, ProcessorOptions options, TemplateCache templates, ILogger logger, TimeProvider timeProvider,
        string requestId, string requestType, Func<IEnumerable<Param>, string?, CancellationToken, Task> updateParameters)
    {
        Client = client;
        Options = options;
        _templates = templates;
        Logger = logger;
        TimeProvider = timeProvider;
        RequestId = requestId;
        RequestType = requestType;
        _updateParameters = updateParameters;
    }

    /// <summary>The Connect client.</summary>
    public ConnectClient Client { get; }

    /// <summary>The processor's settings.</summary>
    public ProcessorOptions Options { get; }

    /// <summary>A logger whose scope carries the request id.</summary>
    public ILogger Logger { get; }

    /// <summary>The clock.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Id of the request being processed (<c>PR-...</c> or <c>TCR-...</c>).</summary>
    public string RequestId { get; }

    /// <summary>Its type: <c>purchase</c>, <c>change</c>, <c>suspend</c>, <c>resume</c>, <c>cancel</c>, or <c>setup</c>/<c>update</c> for tier config requests.</summary>
    public string RequestType { get; }

    /// <summary>
    /// The id of a product's template with this name and scope, looked up once per run (<c>products/{id}/templates</c>
    /// filtered on <c>name</c> and <c>scope</c>).
    /// </summary>
    /// <param name="productId">Product id.</param>
    /// <param name="name">Template name.</param>
    /// <param name="scope"><c>asset</c>, <c>tier1</c> or <c>tier2</c>.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The template id.</returns>
    /// <exception cref="TemplateNotFoundException">No such template.</exception>
    public Task<string> GetTemplateIdAsync(string productId, string name, string scope, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(productId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        return _templates.GetIdAsync(productId, name, scope, cancellationToken);
    }

    /// <summary>The id of the asset activation template named by <see cref="ProcessorOptions.ActivationTemplateName"/>.</summary>
    /// <param name="productId">Product id.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The template id.</returns>
    /// <exception cref="TemplateNotFoundException">No such template.</exception>
    public Task<string> GetActivationTemplateIdAsync(string productId, CancellationToken cancellationToken = default) =>
        GetTemplateIdAsync(productId, Options.ActivationTemplateName!, "asset", cancellationToken);

    /// <summary>The id of the tier1 activation template named by <see cref="ProcessorOptions.Tier1ActivationTemplateName"/>.</summary>
    /// <param name="productId">Product id.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The template id.</returns>
    /// <exception cref="TemplateNotFoundException">No such template.</exception>
    /// <exception cref="InvalidOperationException">No tier1 activation template name is configured.</exception>
    public Task<string> GetTier1ActivationTemplateIdAsync(string productId, CancellationToken cancellationToken = default) =>
        string.IsNullOrWhiteSpace(Options.Tier1ActivationTemplateName)
            ? throw new InvalidOperationException("tier1ActivationTemplateName is not configured.")
            : GetTemplateIdAsync(productId, Options.Tier1ActivationTemplateName, "tier1", cancellationToken);

    /// <summary>
    /// Saves parameter values on the request being processed (fulfillment parameters of a request, or the parameters of a
    /// tier config request): <c>PUT /requests/{id}</c> or <c>PUT /tier/config-requests/{id}</c>.
    /// </summary>
    /// <param name="parameters">Parameters with <c>id</c> and <c>value</c> (or <c>structured_value</c>).</param>
    /// <param name="note">Optional note for the request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once saved.</returns>
    public Task UpdateParametersAsync(IEnumerable<Param> parameters, string? note = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return _updateParameters(parameters, note, cancellationToken);
    }
}
