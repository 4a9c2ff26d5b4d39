using System.Globalization;
using System.Net;
using Connect.Sdk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Connect.Processor;

/// <summary>Checks <see cref="ProcessorOptions"/> at start-up; every message names the configuration key at fault.</summary>
internal sealed class ProcessorOptionsValidator(IServiceProviderIsService services) : IValidateOptions<ProcessorOptions>
{
    public ValidateOptionsResult Validate(string? name, ProcessorOptions options)
    {
        var errors = Check(options, services.IsService(typeof(IUsageReporter)), RegisteredHandlers.HasTierConfigHandler(services));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    internal static List<string> Check(ProcessorOptions options, bool hasUsageReporter, bool hasTierConfigHandler)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectApiEndpoint))
        {
            errors.Add("connectApiEndpoint is required (config.json, appsettings.json or the CONNECT_API_URL environment variable).");
        }
        else if (!Uri.TryCreate(options.ConnectApiEndpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            // A value that is not a URL may be the key put in the endpoint's place (the variables swapped): not shown.
            errors.Add(options.ConnectApiEndpoint.Contains("://", StringComparison.Ordinal) && !options.ConnectApiEndpoint.Any(char.IsWhiteSpace)
                ? $"connectApiEndpoint '{options.ConnectApiEndpoint}' is not an absolute http(s) URL."
                : $"connectApiEndpoint is not an absolute http(s) URL (its value, {options.ConnectApiEndpoint.Length} characters, is not shown: it may be a secret; are CONNECT_API_URL and CONNECT_API_KEY swapped?).");
        }
        else if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback && !options.AllowInsecureHttp)
        {
            errors.Add($"connectApiEndpoint '{options.ConnectApiEndpoint}' uses http:// on a non-loopback host; use https:// or set allowInsecureHttp.");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectApiKey))
        {
            errors.Add("connectApiKey is required (config.json, appsettings.json or the CONNECT_API_KEY environment variable).");
        }

        if (errors.Count == 0)
        {
            // The rest of the client's settings (connect:maxRetries, connect:timeout, connect:pageSize, ...).
            try
            {
                (options.Connect ?? new ConnectClientOptions()).Validate();
            }
            catch (ConnectConfigurationException invalid)
            {
                errors.Add("connect: " + invalid.Message);
            }
        }

        if (options.Products is null || options.Products.Count == 0)
        {
            errors.Add("products must list at least one product id, e.g. [\"PRD-000-000-000\"].");
        }
        else
        {
            for (var i = 0; i < options.Products.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(options.Products[i]) || options.Products[i].Contains('#', StringComparison.Ordinal))
                {
                    errors.Add($"products[{i}] '{options.Products[i]}' is not a product id.");
                }
            }
        }

        for (var i = 0; i < (options.Environments?.Count ?? 0); i++)
        {
            if (!ProcessorOptions.AllEnvironments.Contains(options.Environments![i]))
            {
                errors.Add($"environments[{i}] '{options.Environments[i]}' must be one of test, preview, production.");
            }
        }

        if (string.IsNullOrWhiteSpace(options.ActivationTemplateName))
        {
            errors.Add("activationTemplateName is required: the name of the asset activation template used to approve requests.");
        }

        if (hasTierConfigHandler && string.IsNullOrWhiteSpace(options.Tier1ActivationTemplateName))
        {
            errors.Add("tier1ActivationTemplateName is required when a tier config handler is registered.");
        }

        if (options.DayToReportUsage is { } day && (day < 1 || day > 28))
        {
            errors.Add($"dayToReportUsage must be a day of the month from 1 to 28 (was {day.ToString(CultureInfo.InvariantCulture)}).");
        }
        else if (hasUsageReporter && options.DayToReportUsage is null)
        {
            errors.Add("dayToReportUsage is required when a usage reporter is registered (a day of the month from 1 to 28).");
        }

        if (options.IntervalSeconds is < 1 or > 86_400)
        {
            errors.Add($"intervalSeconds must be between 1 and 86400 (was {options.IntervalSeconds.ToString(CultureInfo.InvariantCulture)}).");
        }

        if (options.MaxPasses is < 1 or > 100)
        {
            errors.Add($"maxPasses must be between 1 and 100 (was {options.MaxPasses.ToString(CultureInfo.InvariantCulture)}).");
        }

        if (options.MaxConcurrency is < 1 or > 64)
        {
            errors.Add($"maxConcurrency must be between 1 and 64 (was {options.MaxConcurrency.ToString(CultureInfo.InvariantCulture)}).");
        }

        var shard = options.Shard ?? new ShardOptions();
        if (shard.Count < 1)
        {
            errors.Add($"shard:count must be at least 1 (was {shard.Count.ToString(CultureInfo.InvariantCulture)}).");
        }
        else if (shard.Index < 0 || shard.Index >= shard.Count)
        {
            errors.Add($"shard:index must be between 0 and shard:count - 1 = {(shard.Count - 1).ToString(CultureInfo.InvariantCulture)} (was {shard.Index.ToString(CultureInfo.InvariantCulture)}).");
        }

        errors.AddRange(CheckCoordination(options));

        var validation = options.DynamicValidation ?? new DynamicValidationOptions();
        if (validation.Enabled)
        {
            if (validation.Host != "localhost" && !IPAddress.TryParse(validation.Host, out _))
            {
                errors.Add($"dynamicValidation:host '{validation.Host}' is not an IP address (or localhost).");
            }

            if (validation.Port is < 0 or > 65535)
            {
                errors.Add($"dynamicValidation:port must be between 0 and 65535 (was {validation.Port.ToString(CultureInfo.InvariantCulture)}).");
            }

            if (string.IsNullOrWhiteSpace(validation.Path) || !validation.Path.StartsWith('/'))
            {
                errors.Add($"dynamicValidation:path '{validation.Path}' must start with '/'.");
            }
        }

        return errors;
    }

    private static IEnumerable<string> CheckCoordination(ProcessorOptions options)
    {
        if (!Enum.IsDefined(options.Coordination))
        {
            yield return "coordination must be one of none, redis, postgres.";
            yield break;
        }

        if (options.LeaseDurationSeconds is < 2 or > 3600)
        {
            yield return $"leaseDurationSeconds must be between 2 and 3600 (was {options.LeaseDurationSeconds.ToString(CultureInfo.InvariantCulture)}).";
        }

        if (options.Coordination == CoordinationKind.None)
        {
            yield break;
        }

        var name = options.Coordination == CoordinationKind.Redis ? "redis" : "postgres";
        if (string.IsNullOrWhiteSpace(options.CoordinationConnectionString))
        {
            yield return $"coordinationConnectionString is required with coordination '{name}' (or the CONNECT_COORDINATION_CONNECTION environment variable).";
            yield break;
        }

        // The parsers' messages may quote the string, password and all: name the key and the kind of mistake only.
        string? problem = null;
        try
        {
            if (options.Coordination == CoordinationKind.Redis)
            {
                LockService.RedisOptions(options.CoordinationConnectionString);
            }
            else
            {
                LockService.PostgresConnection(options.CoordinationConnectionString, TimeSpan.FromSeconds(30));
            }
        }
        catch (ArgumentException ex) when (ex.ParamName == "connectionString")
        {
            problem = ex.Message[..ex.Message.IndexOf(" (Parameter", StringComparison.Ordinal)];
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException or InvalidCastException or OverflowException)
        {
            problem = "it does not parse";
        }

        if (problem is not null)
        {
            yield return options.Coordination == CoordinationKind.Redis
                ? $"coordinationConnectionString is not a Redis configuration (host:port[,password=...]): {problem}."
                : $"coordinationConnectionString is not a PostgreSQL connection string (Host=...;Username=...;Database=...): {problem}.";
        }
    }
}
