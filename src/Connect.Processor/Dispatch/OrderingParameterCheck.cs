using Connect.Automation;
using Connect.Sdk.Models;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Processor;

/// <summary>
/// Inquires a purchase whose ordering parameters a validator refuses, before its handler runs (the Python Processor SDK template's dynamic
/// validation, applied to pending purchases): every <see cref="IOrderingParameterValidator"/> of the request's scope runs,
/// their errors become the parameters' <c>value_error</c>s, sent with the inquire template when one is configured.
/// </summary>
internal sealed class OrderingParameterCheck(ProcessorOptions options, RunState run)
{
    /// <summary>The inquire result, or <see langword="null"/> when the handler should decide.</summary>
    public async Task<ProcessResult?> CheckAsync(FulfillmentRequest request, ItemContext context, CancellationToken cancellationToken)
    {
        if (request.Type != RequestType.Purchase || !options.InquireOnInvalidOrderingParameters)
        {
            return null;
        }

        var errors = new List<ParameterError>();
        foreach (var validator in context.Services.GetServices<IOrderingParameterValidator>())
        {
            errors.AddRange(await validator.ValidateAsync(request, cancellationToken).ConfigureAwait(false));
        }

        if (errors.Count == 0)
        {
            return null;
        }

        var byParameter = errors.GroupBy(e => e.ParameterId, StringComparer.Ordinal)
            .Select(g => new Param { Id = g.Key, ValueError = string.Join(" ", g.Select(e => e.Message).Distinct()) })
            .ToList();
        var names = string.Join(", ", byParameter.Select(p => p.Id));
        Log.InvalidOrderingParameters(context.Logger, context.ItemId, context.ItemType, byParameter.Count, names);
        var templateId = string.IsNullOrWhiteSpace(options.InquireTemplateName)
            ? null
            : await context.GetTemplateIdAsync(request.GetProductId(), options.InquireTemplateName, "asset", cancellationToken).ConfigureAwait(false);
        run.Messages[context.ItemId] = $"Ordering parameters to fix: {names}.";
        return ProcessResult.Inquire(byParameter, templateId);
    }
}
