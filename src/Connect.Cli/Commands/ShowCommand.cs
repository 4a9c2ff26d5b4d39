using System.CommandLine;
using Connect.Cli.Output;
using Connect.Sdk;
using Connect.Sdk.Resources;

namespace Connect.Cli.Commands;

/// <summary>A <c>show &lt;id&gt;</c> command: the item's main fields and parameters, or <c>--json</c>.</summary>
internal static class ShowCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context, string noun, string example, Func<ConnectClient, ConnectCollection> collection, IReadOnlyList<Column> fields)
    {
        var id = new Argument<string>("id") { Description = $"The {noun}'s id, e.g. {example}" };
        var json = ListCommand.JsonOption();
        var command = new Command("show", $"Show one {noun}") { id, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var client = context.CreateClient(result);
            var item = await collection(client)[result.GetValue(id)!].GetAsync(cancellationToken).ConfigureAwait(false);
            if (result.GetValue(json))
            {
                await context.WriteJsonAsync(item).ConfigureAwait(false);
            }
            else
            {
                Tables.WriteItem(context.Host.Console, item, fields);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
