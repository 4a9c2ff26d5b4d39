using System.CommandLine;
using Connect.Sdk;
using Spectre.Console;

namespace Connect.Cli.Commands;

/// <summary>A command acting on one item by id (<c>approve</c>, <c>fail</c>, ...): prints the item's new status.</summary>
internal static class ActionCommand
{
    /// <summary>The action: returns the item's status afterwards, when Connect sent it back.</summary>
    public delegate Task<string?> Act(ConnectClient client, string id, ParseResult result, CancellationToken cancellationToken);

    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context, string name, string description, IEnumerable<Option> options, Act act)
    {
        var id = new Argument<string>("id") { Description = "The id" };
        var command = new Command(name, description) { id };
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, cancellationToken) =>
        {
            using var client = context.CreateClient(result);
            var target = result.GetValue(id)!;
            var status = await act(client, target, result, cancellationToken).ConfigureAwait(false);
            context.Host.Console.MarkupLine(status is null
                ? $"{Markup.Escape(target)}: {Markup.Escape(name)} done"
                : $"{Markup.Escape(target)}: [bold]{Markup.Escape(status)}[/]");
            return ExitCodes.Ok;
        });
        return command;
    }
}
