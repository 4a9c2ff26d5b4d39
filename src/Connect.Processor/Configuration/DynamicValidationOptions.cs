namespace Connect.Processor;

/// <summary>The dynamic validation endpoint (<c>POST /validate</c>) hosted in the processor's process.</summary>
public sealed class DynamicValidationOptions
{
    /// <summary>Whether the endpoint is served (<c>dynamicValidation:enabled</c>); default false.</summary>
    public bool Enabled { get; set; }

    /// <summary>Address to listen on (<c>dynamicValidation:host</c>); default <c>127.0.0.1</c> (loopback only).</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>TCP port (<c>dynamicValidation:port</c>); 0 picks a free one. Default 8090.</summary>
    public int Port { get; set; } = 8090;

    /// <summary>Route of the endpoint (<c>dynamicValidation:path</c>); default <c>/validate</c>.</summary>
    public string Path { get; set; } = "/validate";
}
