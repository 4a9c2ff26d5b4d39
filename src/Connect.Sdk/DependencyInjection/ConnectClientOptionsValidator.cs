using Microsoft.Extensions.Options;

namespace Connect.Sdk;

/// <summary>Runs <see cref="ConnectClientOptions.Validate"/> when the options are first used (or at start).</summary>
internal sealed class ConnectClientOptionsValidator : IValidateOptions<ConnectClientOptions>
{
    public ValidateOptionsResult Validate(string? name, ConnectClientOptions options)
    {
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ConnectConfigurationException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }
}
