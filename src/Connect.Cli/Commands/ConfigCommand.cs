using System.CommandLine;
using System.Text.Json.Nodes;
using Connect.Cli.Configuration;
using Spectre.Console;

namespace Connect.Cli.Commands;

/// <summary><c>connect config</c>: each setting, its value (the key masked) and where it came from.</summary>
internal static class ConfigCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var json = ListCommand.JsonOption();
        var command = new Command("config", "Show the connection settings and where each comes from (the API key masked)") { json };
        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = context.Settings(result);
            Setting[] rows = [settings.Endpoint, settings.ApiKey with { Value = CliSettings.Mask(settings.ApiKey.Value) }, settings.AllowInsecureHttp];
            if (result.GetValue(json))
            {
                var node = new JsonObject { ["configFile"] = settings.ConfigFile };
                foreach (var row in rows)
                {
                    node[row.Name] = new JsonObject { ["value"] = row.Value, ["source"] = row.Source };
                }

                await context.WriteJsonAsync(node).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumn("Setting").AddColumn("Value").AddColumn("Source");
            foreach (var row in rows)
            {
                table.AddRow(new Text(row.Name), new Text(row.Value ?? "(not set)"), new Text(row.Source));
            }

            context.Host.Console.Write(table);
            context.Host.Console.MarkupLine(settings.ConfigFile is null
                ? $"[grey]Config file: none ({CliSettings.DefaultConfigFile} not found in {Markup.Escape(context.Host.CurrentDirectory)}; --config names one)[/]"
                : $"[grey]Config file: {Markup.Escape(settings.ConfigFile)}[/]");
            return ExitCodes.Ok;
        });
        return command;
    }
}
