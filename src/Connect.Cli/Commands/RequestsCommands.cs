using System.CommandLine;
using System.Text.Json.Nodes;
using Connect.Cli.Output;
using Connect.Sdk;
using Connect.Sdk.Resources;

namespace Connect.Cli.Commands;

/// <summary><c>connect requests list|show|approve|inquire|fail|pend</c>: fulfillment requests.</summary>
internal static class RequestsCommands
{
    private static readonly Column[] ListColumns =
    [
        Column.Path("ID", "id"),
        Column.Path("Type", "type"),
        Column.Path("Status", "status"),
        Column.Path("Product", "asset.product.id"),
        Column.Path("Asset", "asset.id"),
        Column.Time("Created", "created"),
    ];

    private static readonly Column[] ShowFields =
    [
        Column.Path("ID", "id"),
        Column.Path("Type", "type"),
        Column.Path("Status", "status"),
        Column.Path("Product", "asset.product.id"),
        Column.Path("Product name", "asset.product.name"),
        Column.Path("Asset", "asset.id"),
        Column.Path("Customer", "asset.tiers.customer.name"),
        Column.Path("Marketplace", "marketplace.name"),
        Column.Time("Created", "created"),
        Column.Time("Updated", "updated"),
        Column.Path("Reason", "reason"),
        Column.Path("Note", "note"),
    ];

    /// <summary>Builds the <c>requests</c> command.</summary>
    public static Command Create(CliContext context)
    {
        var command = new Command("requests", "Fulfillment requests (purchase, change, suspend, resume, cancel)");
        command.Subcommands.Add(ListCommand.Create(context, "requests", Collection, "asset.product.id", ListColumns));
        command.Subcommands.Add(ShowCommand.Create(context, "request", "PR-0001-0001-0001-001", Collection, ShowFields));

        var template = new Option<string>("--template") { Description = "Activation template id (TL-...)", Required = true, HelpName = "id" };
        command.Subcommands.Add(ActionCommand.Create(context, "approve", "Approve a request with an activation template", [template],
            async (client, id, result, ct) => Status(await client.Requests[id].ApproveByTemplateAsync(result.GetValue(template)!, ct).ConfigureAwait(false))));

        var inquireTemplate = new Option<string?>("--template") { Description = "Inquire template id (TL-...), optional", HelpName = "id" };
        command.Subcommands.Add(ActionCommand.Create(context, "inquire", "Ask the customer for more information", [inquireTemplate],
            async (client, id, result, ct) => Status(await client.Requests[id].InquireAsync(result.GetValue(inquireTemplate), ct).ConfigureAwait(false))));

        var reason = new Option<string>("--reason") { Description = "Why, shown to the customer", Required = true, HelpName = "text" };
        command.Subcommands.Add(ActionCommand.Create(context, "fail", "Fail a request", [reason],
            async (client, id, result, ct) => Status(await client.Requests[id].FailAsync(result.GetValue(reason)!, ct).ConfigureAwait(false))));

        command.Subcommands.Add(ActionCommand.Create(context, "pend", "Move an inquiring request back to pending", [],
            async (client, id, result, ct) => Status(await client.Requests[id].PendAsync(ct).ConfigureAwait(false))));
        return command;
    }

    private static ConnectCollection Collection(ConnectClient client) => client.Collection("requests");

    private static string? Status(Connect.Sdk.Models.FulfillmentRequest? request) => request?.Status;
}
