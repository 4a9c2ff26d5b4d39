using System.CommandLine;
using Connect.Cli.Output;
using Connect.Sdk;
using Connect.Sdk.Resources;

namespace Connect.Cli.Commands;

/// <summary><c>connect tcr list|show|approve|inquire|fail</c>: tier config requests.</summary>
internal static class TierConfigCommands
{
    private static readonly Column[] ListColumns =
    [
        Column.Path("ID", "id"),
        Column.Path("Type", "type"),
        Column.Path("Status", "status"),
        Column.Path("Product", "configuration.product.id"),
        Column.Path("Account", "configuration.account.id"),
        Column.Path("Tier", "configuration.tier_level"),
        Column.Time("Created", "events.created.at"),
    ];

    private static readonly Column[] ShowFields =
    [
        Column.Path("ID", "id"),
        Column.Path("Type", "type"),
        Column.Path("Status", "status"),
        Column.Path("Configuration", "configuration.id"),
        Column.Path("Product", "configuration.product.id"),
        Column.Path("Account", "configuration.account.id"),
        Column.Path("Account name", "configuration.account.name"),
        Column.Path("Tier", "configuration.tier_level"),
        Column.Time("Created", "events.created.at"),
        Column.Time("Updated", "events.updated.at"),
        Column.Path("Reason", "reason"),
    ];

    /// <summary>Builds the <c>tcr</c> command.</summary>
    public static Command Create(CliContext context)
    {
        var command = new Command("tcr", "Tier config requests");
        command.Subcommands.Add(ListCommand.Create(context, "tier config requests", Collection, "configuration.product.id", ListColumns));
        command.Subcommands.Add(ShowCommand.Create(context, "tier config request", "TCR-000-000-000-001", Collection, ShowFields));

        var template = new Option<string>("--template") { Description = "Activation template id (TL-...)", Required = true, HelpName = "id" };
        command.Subcommands.Add(ActionCommand.Create(context, "approve", "Approve a tier config request with an activation template", [template],
            async (client, id, result, ct) => (await client.TierConfigRequests[id].ApproveByTemplateAsync(result.GetValue(template)!, ct).ConfigureAwait(false))?.Status));

        command.Subcommands.Add(ActionCommand.Create(context, "inquire", "Ask the reseller for more information", [],
            async (client, id, result, ct) =>
            {
                await client.TierConfigRequests[id].InquireAsync(ct).ConfigureAwait(false);
                return (await client.TierConfigRequests[id].GetAsync(ct).ConfigureAwait(false)).Status;
            }));

        var reason = new Option<string>("--reason") { Description = "Why, shown to the reseller", Required = true, HelpName = "text" };
        command.Subcommands.Add(ActionCommand.Create(context, "fail", "Fail a tier config request", [reason],
            async (client, id, result, ct) =>
            {
                await client.TierConfigRequests[id].FailAsync(result.GetValue(reason)!, ct).ConfigureAwait(false);
                return (await client.TierConfigRequests[id].GetAsync(ct).ConfigureAwait(false)).Status;
            }));
        return command;
    }

    private static ConnectCollection Collection(ConnectClient client) => client.Ns("tier").Collection("config-requests");
}
