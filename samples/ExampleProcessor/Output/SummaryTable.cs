using System.Globalization;
using Connect.Automation;
using Connect.Processor;
using Spectre.Console;

namespace ExampleProcessor.Output;

/// <summary>The run's summary: one row per request (request, type, outcome, time, details) and a totals line.</summary>
public static class SummaryTable
{
    public static void Write(IAnsiConsole console, IReadOnlyList<ProcessorRunReport> reports, string target)
    {
        var requests = reports.SelectMany(r => r.Requests).ToList();
        var table = new Table().Border(TableBorder.Rounded).Title($"Processed on {Markup.Escape(target)}");
        table.AddColumn("Request");
        table.AddColumn("Type");
        table.AddColumn("Outcome");
        table.AddColumn(new TableColumn("Time").RightAligned());
        table.AddColumn("Details");
        foreach (var request in requests)
        {
            table.AddRow(
                Markup.Escape(request.Id),
                Markup.Escape(request.Type),
                $"[{Colour(request.Outcome)}]{request.Outcome}[/]",
                string.Create(CultureInfo.InvariantCulture, $"{request.Duration.TotalMilliseconds:0} ms"),
                Markup.Escape(request.Message ?? string.Empty));
        }

        console.Write(table);
        if (reports.Count == 1)
        {
            console.WriteLine(reports[0].ToString());
        }
        else
        {
            console.WriteLine(
                $"{reports.Count} runs, {requests.Count} request(s): approved {requests.Count(r => r.Outcome == AutomationOutcome.Approved)}, "
                + $"inquired {requests.Count(r => r.Outcome == AutomationOutcome.Inquired)}, failed {requests.Count(r => r.Outcome == AutomationOutcome.Failed)}, "
                + $"errors {requests.Count(r => r.Outcome == AutomationOutcome.Error)}");
        }
    }

    private static string Colour(AutomationOutcome outcome) => outcome switch
    {
        AutomationOutcome.Approved => "green",
        AutomationOutcome.Inquired => "yellow",
        AutomationOutcome.Failed => "red",
        AutomationOutcome.Error => "red bold",
        _ => "grey",
    };
}
