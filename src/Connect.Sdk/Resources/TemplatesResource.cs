using System.Text.Json;
using Connect.Sdk.Rql;

namespace Connect.Sdk.Resources;

/// <summary>Templates by id (the legacy <c>/templates</c> path, absent from the v37 spec but still served).</summary>
public sealed class TemplatesResource
{
    private readonly ConnectTransport _transport;

    internal TemplatesResource(ConnectTransport transport) => _transport = transport;

    /// <summary>
    /// Renders a template for a request: <c>GET /templates/{id}/render?request_id=...</c> (the Python connect-sdk's
    /// <c>TemplateResource.render</c>). A JSON string answer is unwrapped; anything else is returned as text.
    /// </summary>
    /// <param name="templateId">Template id.</param>
    /// <param name="requestId">Request id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rendered Markdown.</returns>
    public async Task<string> RenderAsync(string templateId, string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        var text = await _transport.GetTextAsync(
            "templates/" + ConnectTransport.Segment(templateId) + "/render", "request_id=" + RqlExpression.Encode(requestId), cancellationToken).ConfigureAwait(false);
        return UnwrapJsonString(text);
    }

    /// <summary>A JSON string answer unwrapped; any other text as it is.</summary>
    internal static string UnwrapJsonString(string text)
    {
        if (text.TrimStart().StartsWith('"'))
        {
            try
            {
                return JsonSerializer.Deserialize(text, ConnectJson.TypeInfo<JsonElement>()).GetString() ?? string.Empty;
            }
            catch (JsonException)
            {
                return text;
            }
        }

        return text;
    }
}
