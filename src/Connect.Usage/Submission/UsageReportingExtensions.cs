using Connect.Sdk;
using Connect.Sdk.Models;

namespace Connect.Usage;

/// <summary>
/// The usage reporting workflow on a <see cref="ConnectClient"/>: write and validate the spreadsheet, create the usage
/// file, upload the spreadsheet, and optionally submit it (the Python connect-sdk's "Reporting Usage Files" example).
/// </summary>
public static class UsageReportingExtensions
{
    /// <summary>
    /// Reports usage: validates and writes <paramref name="records"/> to a temporary .xlsx (before anything is sent),
    /// creates the usage file (<c>POST /usage/files</c>), uploads the spreadsheet and, when
    /// <see cref="UsageSubmitOptions.Submit"/> is set, submits it.
    /// </summary>
    /// <param name="client">The Connect client.</param>
    /// <param name="usageFile">The file's metadata: <c>Name</c>, <c>Product.Id</c> and <c>Contract.Id</c> are required;
    /// description, note, period, currency and external id are sent when set.</param>
    /// <param name="records">The records, streamed once.</param>
    /// <param name="options">Spreadsheet and workflow options.</param>
    /// <param name="cancellationToken">Cancels the workflow.</param>
    /// <returns>The usage file as Connect last returned it (<c>ready</c>, or <c>pending</c> once submitted).</returns>
    /// <exception cref="ArgumentException">A required field of <paramref name="usageFile"/> is missing.</exception>
    /// <exception cref="UsageValidationException">Some records are invalid; nothing was sent to Connect.</exception>
    /// <exception cref="UsageSubmitException">A step on Connect failed; <see cref="UsageSubmitException.UsageFileId"/> names the file left behind.</exception>
    public static async Task<UsageFile> SubmitUsageAsync(
        this ConnectClient client,
        UsageFile usageFile,
        IAsyncEnumerable<UsageRecord> records,
        UsageSubmitOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        return await SubmitAsync(
            client, usageFile, options, (spreadsheet, spreadsheetOptions) => UsageSpreadsheetWriter.WriteAsync(spreadsheet, records, spreadsheetOptions, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Reports usage from a synchronous sequence of records; see the asynchronous overload.</summary>
    /// <param name="client">The Connect client.</param>
    /// <param name="usageFile">The file's metadata (<c>Name</c>, <c>Product.Id</c>, <c>Contract.Id</c> required).</param>
    /// <param name="records">The records, enumerated once.</param>
    /// <param name="options">Spreadsheet and workflow options.</param>
    /// <param name="cancellationToken">Cancels the workflow.</param>
    /// <returns>The usage file as Connect last returned it.</returns>
    /// <exception cref="ArgumentException">A required field of <paramref name="usageFile"/> is missing.</exception>
    /// <exception cref="UsageValidationException">Some records are invalid; nothing was sent to Connect.</exception>
    /// <exception cref="UsageSubmitException">A step on Connect failed; <see cref="UsageSubmitException.UsageFileId"/> names the file left behind.</exception>
    public static async Task<UsageFile> SubmitUsageAsync(
        this ConnectClient client,
        UsageFile usageFile,
        IEnumerable<UsageRecord> records,
        UsageSubmitOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        return await SubmitAsync(
            client, usageFile, options, (spreadsheet, spreadsheetOptions) => Task.FromResult(UsageSpreadsheetWriter.Write(spreadsheet, records, spreadsheetOptions, cancellationToken)), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Writes the spreadsheet to a temporary file with <paramref name="write"/>, then creates, uploads and submits.</summary>
    private static async Task<UsageFile> SubmitAsync(
        ConnectClient client,
        UsageFile usageFile,
        UsageSubmitOptions? options,
        Func<FileStream, UsageSpreadsheetOptions?, Task<UsageSpreadsheetSummary>> write,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        CheckMetadata(usageFile);
        options ??= new UsageSubmitOptions();

        var spreadsheet = CreateTempFile(options);
        await using var spreadsheetScope = spreadsheet.ConfigureAwait(false);
        await write(spreadsheet, options.Spreadsheet).ConfigureAwait(false);
        return await CreateUploadSubmitAsync(client, usageFile, spreadsheet, options, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<UsageFile> CreateUploadSubmitAsync(
        ConnectClient client, UsageFile usageFile, FileStream spreadsheet, UsageSubmitOptions options, CancellationToken cancellationToken)
    {
        UsageFile created;
        try
        {
            created = await client.UsageFiles.CreateAsync(ForCreate(usageFile), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new UsageSubmitException(UsageSubmitStage.Create, null, $"Creating usage file '{usageFile.Name}' failed: {ex.Message}", ex);
        }

        var id = created.Id ?? throw new UsageSubmitException(UsageSubmitStage.Create, null, $"Connect created usage file '{usageFile.Name}' but returned no id.");

        UsageFile uploaded;
        try
        {
            spreadsheet.Position = 0;
            uploaded = await client.UsageFiles.UploadAsync(id, spreadsheet, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new UsageSubmitException(UsageSubmitStage.Upload, id, $"Uploading the spreadsheet of usage file {id} failed (the file stays in draft): {ex.Message}", ex);
        }

        if (string.Equals(uploaded.Status, UsageFileStatus.Invalid, StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageSubmitException(UsageSubmitStage.Invalid, id, $"Connect marked usage file {id} invalid: {uploaded.ErrorDetail ?? "no detail given"}");
        }

        if (!options.Submit)
        {
            return uploaded;
        }

        try
        {
            var submitted = await client.UsageFiles.SubmitAsync(id, cancellationToken).ConfigureAwait(false);
            return submitted ?? await client.UsageFiles.GetAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new UsageSubmitException(UsageSubmitStage.Submit, id, $"Submitting usage file {id} failed (it was uploaded, status '{uploaded.Status}'): {ex.Message}", ex);
        }
    }

    private static void CheckMetadata(UsageFile usageFile)
    {
        ArgumentNullException.ThrowIfNull(usageFile);
        if (string.IsNullOrWhiteSpace(usageFile.Name))
        {
            throw new ArgumentException("The usage file needs a name (UsageFile.Name).", nameof(usageFile));
        }

        if (string.IsNullOrWhiteSpace(usageFile.Product?.Id))
        {
            throw new ArgumentException("The usage file needs a product (UsageFile.Product.Id).", nameof(usageFile));
        }

        if (string.IsNullOrWhiteSpace(usageFile.Contract?.Id))
        {
            throw new ArgumentException("The usage file needs a contract (UsageFile.Contract.Id).", nameof(usageFile));
        }
    }

    // Only the fields POST /usage/files takes (contract/api-contract.md section 5.5); description is sent as "" when empty, as Connect expects.
    private static UsageFile ForCreate(UsageFile source) => new()
    {
        Name = source.Name,
        Description = source.Description ?? string.Empty,
        Note = source.Note,
        Period = source.Period,
        Currency = source.Currency,
        ExternalId = source.ExternalId,
        Product = new Product { Id = source.Product!.Id },
        Contract = new Contract { Id = source.Contract!.Id },
    };

    private static FileStream CreateTempFile(UsageSubmitOptions options)
    {
        var folder = options.TempDirectory ?? Path.GetTempPath();
        var now = (options.Spreadsheet?.TimeProvider ?? TimeProvider.System).GetUtcNow();
        var path = Path.Combine(folder, $"usage-{Guid.CreateVersion7(now):N}.xlsx");
        return new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
    }
}
