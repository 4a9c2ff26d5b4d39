using Connect.Automation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Connect.Processor;

/// <summary>
/// The processor's helpers on a handler's <see cref="ItemContext"/>: template ids by name, looked up once per run. They
/// work in the processor (whose request scopes hold the template cache and the settings), not in a plain engine.
/// </summary>
public static class ProcessorContextExtensions
{
    /// <summary>
    /// The id of a product's template with this name and scope, looked up once per run (<c>products/{id}/templates</c>
    /// filtered on <c>name</c> and <c>scope</c>).
    /// </summary>
    /// <param name="context">The handler's context.</param>
    /// <param name="productId">Product id.</param>
    /// <param name="name">Template name.</param>
    /// <param name="scope"><c>asset</c>, <c>tier1</c> or <c>tier2</c>.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The template id.</returns>
    /// <exception cref="TemplateNotFoundException">No such template.</exception>
    /// <exception cref="InvalidOperationException">The context is not a processor's.</exception>
    public static Task<string> GetTemplateIdAsync(this ItemContext context, string productId, string name, string scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrWhiteSpace(productId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        var templates = context.Services.GetService<TemplateCache>()
            ?? throw new InvalidOperationException("Template lookup by name needs a processor's context (AddConnectProcessor); this context has no template cache.");
        return templates.GetIdAsync(productId, name, scope, cancellationToken);
    }

    /// <summary>The id of the asset activation template named by <see cref="ProcessorOptions.ActivationTemplateName"/>.</summary>
    /// <param name="context">The handler's context.</param>
    /// <param name="productId">Product id.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The template id.</returns>
    /// <exception cref="TemplateNotFoundException">No such template.</exception>
    /// <exception cref="InvalidOperationException">The context is not a processor's.</exception>
    public static Task<string> GetActivationTemplateIdAsync(this ItemContext context, string productId, CancellationToken cancellationToken = default) =>
        context.GetTemplateIdAsync(productId, OptionsOf(context).ActivationTemplateName!, "asset", cancellationToken);

    /// <summary>The id of the tier1 activation template named by <see cref="ProcessorOptions.Tier1ActivationTemplateName"/>.</summary>
    /// <param name="context">The handler's context.</param>
    /// <param name="productId">Product id.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The template id.</returns>
    /// <exception cref="TemplateNotFoundException">No such template.</exception>
    /// <exception cref="InvalidOperationException">No tier1 activation template name is configured, or the context is not a processor's.</exception>
    public static Task<string> GetTier1ActivationTemplateIdAsync(this ItemContext context, string productId, CancellationToken cancellationToken = default) =>
        OptionsOf(context).Tier1ActivationTemplateName is { Length: > 0 } name && !string.IsNullOrWhiteSpace(name)
            ? context.GetTemplateIdAsync(productId, name, "tier1", cancellationToken)
            : throw new InvalidOperationException("tier1ActivationTemplateName is not configured.");

    private static ProcessorOptions OptionsOf(ItemContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Services.GetService<IOptions<ProcessorOptions>>()?.Value
            ?? throw new InvalidOperationException("The processor's settings are not available: this context is not a processor's (AddConnectProcessor).");
    }
}
