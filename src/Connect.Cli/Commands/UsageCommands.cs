using System.CommandLine;
using Connect.Cli.Output;
using Connect.Sdk;
using Connect.Sdk.Models;
using Connect.Sdk.Resources;
using Connect.Usage;
using Spectre.Console;

namespace Connect.Cli.Commands;

/// <summary><c>connect usage submit</c> and <c>connect usage files list|show|accept|reject|close</c>.</summary>
internal static class UsageCommands
{
    private static readonly Column[] ListColumns =
    [
        Column.Path("ID", "id"),
        Column.Path("Name", "name"),
        Column.Path("Status", "status"),
        Column.Path("Product", "product.id"),
        Column.Path("Contract", "contract.id"),
        Column.Path("Records", "stats.uploaded"),
        Column.Time("Created", "events.created.at"),
    ];

    private static readonly Column[] ShowFields =
    [
        Column.Path("ID", "id"),
        Column.Path("Name", "name"),
        Column.Path("Status", "status"),
        Column.Path("Product", "product.id"),
        Column.Path("Contract", "contract.id"),
        Column.Path("Schema", "schema"),
        Column.Path("Currency", "currency"),
        Column.Path("Records uploaded", "stats.uploaded"),
        Column.Path("Records accepted", "stats.accepted"),
        Column.Path("Period from", "period.from"),
        Column.Path("Period to", "period.to"),
        Column.Time("Created", "events.created.at"),
        Column.Path("Note", "note"),
        Column.Path("Error", "error_details"),
    ];

    /// <summary>Builds the <c>usage</c> command.</summary>
    public static Command Create(CliContext context)
    {
        var command = new Command("usage", "Usage reporting: submit records, manage usage files");
        command.Subcommands.Add(Submit(context));

        var files = new Command("files", "Usage files");
        files.Subcommands.Add(ListCommand.Create(context, "usage files", Collection, "product.id", ListColumns, withType: false));
        files.Subcommands.Add(ShowCommand.Create(context, "usage file", "UF-2026-01-0001", Collection, ShowFields));

        var acceptNote = new Option<string>("--note") { Description = "Acceptance note", Required = true, HelpName = "text" };
        files.Subcommands.Add(ActionCommand.Create(context, "accept", "Accept a usage file (provider side)", [acceptNote],
            async (client, id, result, ct) => (await client.UsageFiles.AcceptAsync(id, result.GetValue(acceptNote)!, ct).ConfigureAwait(false))?.Status));

        var rejectNote = new Option<string>("--note") { Description = "Why it is rejected", Required = true, HelpName = "text" };
        files.Subcommands.Add(ActionCommand.Create(context, "reject", "Reject a usage file (provider side)", [rejectNote],
            async (client, id, result, ct) => (await client.UsageFiles.RejectAsync(id, result.GetValue(rejectNote)!, ct).ConfigureAwait(false))?.Status));

        files.Subcommands.Add(ActionCommand.Create(context, "close", "Close an accepted usage file", [],
            async (client, id, result, ct) => (await client.UsageFiles.CloseAsync(id, ct).ConfigureAwait(false))?.Status));
        command.Subcommands.Add(files);
        return command;
    }

    private static ConnectCollection Collection(ConnectClient client) => client.Ns("usage").Collection("files");

    private static Command Submit(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "Usage records: a .csv (header row, one record a line) or a usage .xlsx" };
        var product = new Option<string>("--product") { Description = "Product id (PRD-...)", Required = true, HelpName = "id" };
        var contract = new Option<string>("--contract") { Description = "Contract id (CRD-...)", Required = true, HelpName = "id" };
        var name = new Option<string?>("--name") { Description = "Usage file name (default: the input file's name)", HelpName = "text" };
        var submit = new Option<bool>("--submit") { Description = "Submit the file to the provider once it is ready" };
        var json = ListCommand.JsonOption();
        var command = new Command("submit", "Validate records, create a usage file, upload it and optionally submit it")
        {
            file, product, contract, name, submit, json,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var path = Path.GetFullPath(result.GetValue(file)!, context.Host.CurrentDirectory);
            if (!File.Exists(path))
            {
                throw new CliUsageException($"no such file: {path}");
            }

            var extension = Path.GetExtension(path).ToUpperInvariant();
            if (extension is not (".CSV" or ".XLSX"))
            {
                throw new CliUsageException($"the file must be .csv or .xlsx, not '{Path.GetExtension(path)}'.");
            }

            var metadata = new UsageFile
            {
                Name = result.GetValue(name) ?? Path.GetFileNameWithoutExtension(path),
                Product = new Product { Id = result.GetValue(product) },
                Contract = new Contract { Id = result.GetValue(contract) },
            };
            var options = new UsageSubmitOptions { Submit = result.GetValue(submit) };

            using var client = context.CreateClient(result);
            var input = new ReadProgressStream(File.OpenRead(path));
            await using var inputScope = input.ConfigureAwait(false);
            var records = 0L;
            Task<UsageFile> Run() => extension == ".CSV"
                ? client.SubmitUsageAsync(metadata, CountAsync(UsageCsvReader.ReadAsync(input, cancellationToken)), options, cancellationToken)
                : client.SubmitUsageAsync(metadata, Count(UsageSpreadsheetReader.ReadRecords(input)), options, cancellationToken);

            async IAsyncEnumerable<UsageRecord> CountAsync(IAsyncEnumerable<UsageRecord> source)
            {
                await foreach (var record in source.ConfigureAwait(false))
                {
                    records++;
                    yield return record;
                }
            }

            IEnumerable<UsageRecord> Count(IEnumerable<UsageRecord> source)
            {
                foreach (var record in source)
                {
                    records++;
                    yield return record;
                }
            }

            var created = context.Host.Interactive && !result.GetValue(json)
                ? await WithProgressAsync(context.Host.Console, input, Run).ConfigureAwait(false)
                : await Run().ConfigureAwait(false);

            if (result.GetValue(json))
            {
                await context.WriteJsonAsync(await Collection(client)[created.Id!].GetAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            }
            else
            {
                context.Host.Console.MarkupLine(
                    $"{Markup.Escape(created.Id ?? "?")}: [bold]{Markup.Escape(created.Status ?? "?")}[/] ({records} records from {Markup.Escape(Path.GetFileName(path))})");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    // Reading and validating is most of the time for a large file: a bar over the bytes read, then a spinner while
    // Connect creates the file and takes the upload.
    private static async Task<UsageFile> WithProgressAsync(IAnsiConsole console, ReadProgressStream input, Func<Task<UsageFile>> run)
    {
        UsageFile? created = null;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var reading = progress.AddTask("Reading and validating", maxValue: Math.Max(1, input.Length));
                var uploading = progress.AddTask("Uploading to Connect", autoStart: false).IsIndeterminate();
                var work = run();
                while (!work.IsCompleted)
                {
                    reading.Value = input.BytesRead;
                    if (input.BytesRead >= input.Length && !uploading.IsStarted)
                    {
                        reading.Value = reading.MaxValue;
                        uploading.StartTask();
                    }

                    await Task.WhenAny(work, Task.Delay(100)).ConfigureAwait(false);
                }

                reading.Value = reading.MaxValue;
                uploading.IsIndeterminate(false).Value = uploading.MaxValue;
                created = await work.ConfigureAwait(false);
            }).ConfigureAwait(false);
        return created!;
    }
}
