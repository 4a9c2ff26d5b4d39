using Connect.Emulator.Domain;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace Connect.Emulator.Http;

/// <summary>Reads the <see cref="Caller"/> the authentication step recorded for a call.</summary>
internal static class CallerExtensions
{
    public static Caller GetCaller(this HttpContext context) => context.Items[typeof(Caller)] as Caller ?? Caller.System;
}

/// <summary>Middleware every call goes through: error mapping, trailing slashes, authentication.</summary>
internal static partial class Pipeline
{
    public static async Task HandleErrorsAsync(HttpContext context, RequestDelegate next, ILogger logger)
    {
        // Connect echoes the localization a client asks for (contract/api-contract.md section 2.2); the emulator renders one language only.
        if (context.Request.Headers.TryGetValue("Connect-Localization", out var localization))
        {
            context.Response.Headers["Connect-Localization"] = localization;
        }

        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (DomainException ex) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            await Responses.WriteErrorAsync(context, StatusOf(ex.Kind), ex.Code, ex.Message).ConfigureAwait(false);
        }
        catch (ApiException ex) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            await Responses.WriteErrorAsync(context, ex.Status, ex.Code, ex.Message).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            await Responses.WriteErrorAsync(context, ex.StatusCode, ErrorCodes.Validation, "Bad request.").ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            LogUnhandled(logger, ex, context.Request.Method, context.Request.Path.Value ?? string.Empty);
            context.Response.Clear();
            await Responses.WriteErrorAsync(context, StatusCodes.Status500InternalServerError, ErrorCodes.Internal, "Internal error.")
                .ConfigureAwait(false);
        }

        // Framework answers without a body (unknown route 404, wrong method 405) still get a Connect error body.
        if (!context.Response.HasStarted && context.Response.StatusCode >= 400 && context.Response.ContentLength is null
            && context.Response.ContentType is null)
        {
            var status = context.Response.StatusCode;
            var code = status == StatusCodes.Status404NotFound ? ErrorCodes.NotFound : ErrorCodes.Validation;
            var message = status switch
            {
                StatusCodes.Status404NotFound => $"Resource {context.Request.Path} not found.",
                StatusCodes.Status405MethodNotAllowed => $"Method {context.Request.Method} is not allowed here.",
                _ => "Bad request.",
            };
            await Responses.WriteErrorAsync(context, status, code, message).ConfigureAwait(false);
        }
    }

    /// <summary>The status Connect answers a broken domain rule with.</summary>
    public static int StatusOf(DomainErrorKind kind) => kind switch
    {
        DomainErrorKind.NotFound => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status400BadRequest,
    };

    public static Task TrimTrailingSlashAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value;
        if (path is { Length: > 1 } && path.EndsWith('/'))
        {
            context.Request.Path = new PathString(path.TrimEnd('/'));
        }

        return next(context);
    }

    public static Task AuthenticateAsync(HttpContext context, RequestDelegate next, ApiKeys keys)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var keyId = keys.Match(header);
        if (keyId is null)
        {
            return Responses.WriteErrorAsync(
                context, StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized, "API request is unauthorized.");
        }

        context.Items[typeof(Caller)] = new Caller(keyId);
        return next(context);
    }

    /// <summary>The port Kestrel actually bound (for port 0).</summary>
    public static int BoundPort(IFeatureCollection features)
    {
        var addresses = features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("The server did not report its addresses.");
        var first = addresses.First();
        return new Uri(first.Replace("[::]", "localhost", StringComparison.Ordinal)).Port;
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Error, Message = "Unhandled error answering {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}

/// <summary>The configured API keys. Accepts the exact header, or the key without its <c>ApiKey </c> prefix.</summary>
internal sealed class ApiKeys
{
    private const string Prefix = "ApiKey ";
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);

    public ApiKeys(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            var normalized = key.StartsWith(Prefix, StringComparison.Ordinal) ? key : Prefix + key;
            var token = normalized[Prefix.Length..];
            var colon = token.IndexOf(':', StringComparison.Ordinal);
            _keys[normalized] = colon > 0 ? token[..colon] : token;
        }
    }

    /// <summary>The key id for a matching Authorization header value, else null.</summary>
    public string? Match(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }

        var normalized = header.StartsWith(Prefix, StringComparison.Ordinal) ? header : Prefix + header;
        return _keys.TryGetValue(normalized, out var id) ? id : null;
    }
}
