namespace Connect.Automation;

/// <summary>The <see cref="ItemContext.Services"/> of an engine that runs without dependency injection: holds no service.</summary>
internal sealed class NoServices : IServiceProvider
{
    public static readonly NoServices Instance = new();

    public object? GetService(Type serviceType) => null;
}
