namespace Connect.Usage;

/// <summary>The step of <see cref="UsageReportingExtensions"/>' submit workflow that failed.</summary>
public enum UsageSubmitStage
{
    /// <summary>Writing and validating the spreadsheet (nothing was sent to Connect).</summary>
    Spreadsheet,

    /// <summary>Creating the usage file (<c>POST /usage/files</c>).</summary>
    Create,

    /// <summary>Uploading the spreadsheet (<c>POST /usage/files/{id}/upload</c>).</summary>
    Upload,

    /// <summary>Connect processed the upload and marked the file <c>invalid</c>.</summary>
    Invalid,

    /// <summary>Submitting the file to the provider (<c>POST /usage/files/{id}/submit</c>).</summary>
    Submit,
}
