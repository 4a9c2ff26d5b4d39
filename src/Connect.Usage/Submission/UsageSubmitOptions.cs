namespace Connect.Usage;

/// <summary>Options for <see cref="UsageReportingExtensions.SubmitUsageAsync(Connect.Sdk.ConnectClient, Connect.Sdk.Models.UsageFile, IAsyncEnumerable{Connect.Sdk.Models.UsageRecord}, UsageSubmitOptions?, CancellationToken)"/>.</summary>
public sealed class UsageSubmitOptions
{
    /// <summary>Spreadsheet layout and validation (schema, categories, known items); null uses the defaults.</summary>
    public UsageSpreadsheetOptions? Spreadsheet { get; set; }

    /// <summary>When true, a file that reached <c>ready</c> after the upload is submitted to the provider. Default false.</summary>
    public bool Submit { get; set; }

    /// <summary>
    /// Folder for the temporary .xlsx written before the upload (deleted afterwards); null uses the system temp folder.
    /// </summary>
    public string? TempDirectory { get; set; }
}
