using System.Text.Json.Nodes;
using Spectre.Console;

namespace Connect.Cli.Output;

/// <summary>A column of a listing: a header and a way to read the cell from an item's JSON.</summary>
/// <param name="Header">Column header.</param>
/// <param name="Cell">Reads the cell's text.</param>
internal sealed record Column(string Header, Func<JsonNode, string> Cell)
{
    /// <summary>A column showing the text at a dotted path.</summary>
    public static Column Path(string header, string path) => new(header, node => Json.Text(node, path));

    /// <summary>A column showing a timestamp at a dotted path.</summary>
    public static Column Time(string header, string path) => new(header, node => Json.Time(node, path));
}

/// <summary>Listings as tables, single items as field grids.</summary>
internal static class Tables
{
    /// <summary>Renders <paramref name="items"/> as a table with a count underneath.</summary>
    public static async Task<int> WriteAsync(IAnsiConsole console, IAsyncEnumerable<JsonNode> items, IReadOnlyList<Column> columns, string noun)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(Markup.Escape(column.Header)).NoWrap());
        }

        var count = 0;
        await foreach (var item in items.ConfigureAwait(false))
        {
            table.AddRow([.. columns.Select(c => new Text(c.Cell(item)))]);
            count++;
        }

        if (count == 0)
        {
            console.MarkupLine($"[grey]No {Markup.Escape(noun)} found.[/]");
            return count;
        }

        console.Write(table);
        console.MarkupLine($"[grey]{count} {Markup.Escape(noun)}[/]");
        return count;
    }

    /// <summary>Renders one item: the chosen fields, then its parameters (id, value) when it has any.</summary>
    public static void WriteItem(IAnsiConsole console, JsonNode item, IReadOnlyList<Column> fields)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        foreach (var field in fields)
        {
            var value = field.Cell(item);
            if (value.Length > 0)
            {
                grid.AddRow(new Markup($"[bold]{Markup.Escape(field.Header)}[/]"), new Text(value));
            }
        }

        console.Write(grid);
        if (item["params"] is JsonArray { Count: > 0 } parameters)
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumn("Parameter").AddColumn("Value").AddColumn("Error");
            foreach (var parameter in parameters)
            {
                table.AddRow(
                    new Text(Json.Text(parameter, "id")),
                    new Text(Json.Text(parameter, "value")),
                    new Text(Json.Text(parameter, "value_error")));
            }

            console.Write(table);
        }
    }
}
