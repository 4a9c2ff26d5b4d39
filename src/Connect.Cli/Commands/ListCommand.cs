using System.CommandLine;
using Connect.Cli.Output;
using Connect.Sdk;
using Connect.Sdk.Resources;
using Connect.Sdk.Rql;

namespace Connect.Cli.Commands;

/// <summary>A <c>list</c> command: filters by status, type and product, free RQL, a limit, and a table or <c>--json</c>.</summary>
internal static class ListCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="context">Shared state.</param>
    /// <param name="noun">What is listed (<c>requests</c>), for the help and the count line.</param>
    /// <param name="collection">The collection on a client.</param>
    /// <param name="productPath">The RQL property holding the product id.</param>
    /// <param name="columns">The table's columns.</param>
    /// <param name="withType">Whether <c>--type</c> applies.</param>
    public static Command Create(
        CliContext context, string noun, Func<ConnectClient, ConnectCollection> collection, string productPath,
        IReadOnlyList<Column> columns, bool withType = true)
    {
        var status = new Option<string[]>("--status") { Description = "Only these statuses (repeatable), e.g. pending", HelpName = "status", Arity = ArgumentArity.OneOrMore };
        var type = new Option<string[]>("--type") { Description = "Only these types (repeatable), e.g. purchase", HelpName = "type", Arity = ArgumentArity.OneOrMore };
        var product = new Option<string[]>("--product") { Description = "Only these products (repeatable), e.g. PRD-100-200-300", HelpName = "id", Arity = ArgumentArity.OneOrMore };
        var rql = new Option<string?>("--rql") { Description = "More filters in RQL, sent as typed, e.g. \"eq(asset.id,AS-1)\"", HelpName = "query" };
        var limit = new Option<int>("--limit") { Description = "At most this many (0 = all)", DefaultValueFactory = _ => 100, HelpName = "n" };
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError("--limit must be 0 (all) or more.");
            }
        });
        var json = JsonOption();

        var command = new Command("list", $"List {noun}, newest first");
        command.Options.Add(status);
        if (withType)
        {
            command.Options.Add(type);
        }

        command.Options.Add(product);
        command.Options.Add(rql);
        command.Options.Add(limit);
        command.Options.Add(json);
        command.SetAction(async (result, cancellationToken) =>
        {
            var query = new Query().Ordering("-created");
            AddIn(query, "status", result.GetValue(status));
            AddIn(query, "type", withType ? result.GetValue(type) : null);
            AddIn(query, productPath, result.GetValue(product));
            using var client = context.CreateClient(result);
            var items = context.ListAsync(client, collection(client), query, result.GetValue(rql), result.GetValue(limit), cancellationToken);
            if (result.GetValue(json))
            {
                var array = new System.Text.Json.Nodes.JsonArray();
                await foreach (var item in items.ConfigureAwait(false))
                {
                    array.Add(item);
                }

                await context.WriteJsonAsync(array).ConfigureAwait(false);
            }
            else
            {
                await Tables.WriteAsync(context.Host.Console, items, columns, noun).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary><c>--json</c>: print what the API returned instead of a table.</summary>
    public static Option<bool> JsonOption() => new("--json") { Description = "Print the API's JSON instead of a table" };

    private static void AddIn(Query query, string property, string[]? values)
    {
        if (values is { Length: > 0 })
        {
            query.In(property, values);
        }
    }
}
