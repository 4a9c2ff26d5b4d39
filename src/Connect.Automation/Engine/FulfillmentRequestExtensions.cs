using Connect.Sdk;
using Connect.Sdk.Models;

namespace Connect.Automation;

/// <summary>Helpers on fulfillment requests from the Python connect-sdk.</summary>
public static class FulfillmentRequestExtensions
{
    /// <summary>
    /// Whether the request carries data to migrate from a legacy system (the Python connect-sdk's <c>needs_migration</c>): its
    /// asset has the parameter <paramref name="migrationKey"/> with a non-empty value (or structured value).
    /// Migration is done by an external service; such purchases are skipped by default
    /// (<see cref="AutomationOptions.SkipMigrationRequests"/>).
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="migrationKey">Parameter id; default <c>migration_info</c>.</param>
    /// <returns>Whether it needs migration.</returns>
    public static bool NeedsMigration(this FulfillmentRequest request, string migrationKey = "migration_info")
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(migrationKey);
        var param = request.Asset?.Params?.FirstOrDefault(p => p.Id == migrationKey || p.Name == migrationKey);
        return param is not null
            && (!string.IsNullOrWhiteSpace(param.Value)
                || param.StructuredValue is { ValueKind: not System.Text.Json.JsonValueKind.Null and not System.Text.Json.JsonValueKind.Undefined });
    }

    /// <summary>The asset parameter with this id (or name), or <see langword="null"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="id">Parameter id.</param>
    /// <returns>The parameter or <see langword="null"/>.</returns>
    public static Param? GetParam(this FulfillmentRequest request, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Asset?.Params?.FirstOrDefault(p => p.Id == id || p.Name == id);
    }
}
