using Microsoft.OpenApi;

namespace Connect.Emulator.Dashboard;

/// <summary>
/// The emulator's own OpenAPI document (Microsoft.AspNetCore.OpenApi), generated from the routes it serves: the Connect
/// public API subset under <c>/public/v1</c> and the control API under <c>/emulator/v1</c>, tagged by area, with the
/// API key as the security scheme. The dashboard's pages are left out.
/// </summary>
internal static class EmulatorOpenApi
{
    public const string SecuritySchemeId = "ApiKey";

    public static IServiceCollection AddEmulatorOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = d => d.RelativePath is { } path && !path.StartsWith("ui", StringComparison.Ordinal);
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Connect emulator",
                    Version = "v1",
                    Description = "The routes this emulator serves: the CloudBlue Connect public API subset under /public/v1 "
                        + "(see docs/emulator.md for what is covered) and the emulator's control API under /emulator/v1. "
                        + "Send the API key as the Authorization header, e.g. `ApiKey SU-000-000-000:emulator`.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
                document.Components.SecuritySchemes[SecuritySchemeId] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = "Authorization",
                    Description = "The emulator's API key, `ApiKey <id>:<secret>` (the default is `ApiKey SU-000-000-000:emulator`).",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeId, document)] = [] }];
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var tag = Area(context.Description.RelativePath ?? string.Empty);
                context.Document?.Tags?.Add(new OpenApiTag { Name = tag });
                operation.Tags = new HashSet<OpenApiTagReference> { new(tag, context.Document) };
                return Task.CompletedTask;
            });
        });

    /// <summary>The area of a route: <c>public/v1/tier/config-requests/{id}</c> is "Public API: tier".</summary>
    internal static string Area(string relativePath)
    {
        var segments = relativePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            ["emulator", "v1", ..] => "Control API",
            ["public", "v1", var area, ..] => "Public API: " + area,
            _ => "Other",
        };
    }
}
