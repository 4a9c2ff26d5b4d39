using System.CommandLine;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connect.Cli.Configuration;
using Connect.Sdk;
using Connect.Sdk.Resources;
using Connect.Sdk.Rql;

namespace Connect.Cli;

/// <summary>What every command shares: the host, the <c>--config</c> option, the settings and the client.</summary>
internal sealed class CliContext(CliHost host)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The console, environment and folder.</summary>
    public CliHost Host { get; } = host;

    /// <summary><c>--config FILE</c>, on every command.</summary>
    public Option<string?> ConfigOption { get; } = new("--config")
    {
        Description = "Config file with apiEndpoint and apiKey (default: config.json in the current folder, if present)",
        HelpName = "file",
        Recursive = true,
    };

    /// <summary>The resolved settings for a parsed command line.</summary>
    public CliSettings Settings(ParseResult result) =>
        CliSettings.Resolve(result.GetValue(ConfigOption), Host.Environment, Host.CurrentDirectory);

    /// <summary>A client for the resolved settings; the caller disposes it.</summary>
    public ConnectClient CreateClient(ParseResult result) => new(Settings(result).ToClientOptions());

    /// <summary>
    /// Lists a collection as Connect returns it (every field kept), lazily, at most <paramref name="limit"/> items
    /// (0 = all). <paramref name="rql"/> is free RQL added to <paramref name="query"/>'s filters as is.
    /// </summary>
    public async IAsyncEnumerable<JsonNode> ListAsync(
        ConnectClient client, ConnectCollection collection, Query query, string? rql, int limit,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var items = string.IsNullOrWhiteSpace(rql)
            ? collection.ListAsync(query, cancellationToken)
            : ListWithRqlAsync(client, collection.Path, query, rql.Trim(), cancellationToken);
        var count = 0;
        await foreach (var item in items.ConfigureAwait(false))
        {
            yield return item;
            if (++count == limit)
            {
                yield break;
            }
        }
    }

    /// <summary>Writes <paramref name="node"/> as indented JSON to standard output.</summary>
    public async Task WriteJsonAsync(JsonNode? node)
    {
        await Host.Output.WriteLineAsync(node?.ToJsonString(Indented) ?? "null").ConfigureAwait(false);
        await Host.Output.FlushAsync().ConfigureAwait(false);
    }

    // The SDK's query builder has no way to carry RQL text it did not build, so free RQL pages through the SDK's own
    // HTTP pipeline (retries, timeouts) with the query string as typed.
    private static async IAsyncEnumerable<JsonNode> ListWithRqlAsync(
        ConnectClient client, string path, Query query, string rql,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = client.Options;
        using var http = new HttpClient(ConnectClient.CreateHttpMessageHandler(options)) { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(options.ApiKey);
        var filters = query.Compile();
        var text = filters.Length == 0 ? rql : filters + "&" + rql;
        var pageSize = options.PageSize;
        for (var offset = 0; ; offset += pageSize)
        {
            var url = $"{options.Endpoint.TrimEnd('/')}/{path}?{text}&limit={pageSize.ToString(CultureInfo.InvariantCulture)}&offset={offset.ToString(CultureInfo.InvariantCulture)}";
            using var response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new ConnectApiException(response.StatusCode, "GET", url, ParseError(body), body);
            }

            if (JsonNode.Parse(body) is not JsonArray page)
            {
                throw new ConnectApiException(response.StatusCode, "GET", url, null, "the answer is not a JSON list");
            }

            foreach (var item in page)
            {
                if (item is not null)
                {
                    yield return item.DeepClone();
                }
            }

            if (page.Count < pageSize)
            {
                yield break;
            }
        }
    }

    private static Connect.Sdk.Models.ServerErrorResponse? ParseError(string body)
    {
        try
        {
            var node = JsonNode.Parse(body) as JsonObject;
            if (node is null)
            {
                return null;
            }

            return new Connect.Sdk.Models.ServerErrorResponse
            {
                ErrorCode = node["error_code"]?.GetValue<string>(),
                Errors = node["errors"] is JsonArray errors ? [.. errors.Select(e => e?.ToString() ?? string.Empty)] : [],
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
