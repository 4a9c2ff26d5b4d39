namespace Connect.Sdk;

/// <summary>Masks API keys: <c>ApiKey SU-000-000-000:secret</c> becomes <c>ApiKey SU-000-000-000**********</c>.</summary>
internal static class SecretMask
{
    public const string Stars = "**********";

    public static string MaskAuthorization(string value)
    {
        if (value.StartsWith("ApiKey ", StringComparison.Ordinal))
        {
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? "ApiKey " + Stars : value[..colon] + Stars;
        }

        return Stars + Stars;
    }

    /// <summary>Removes every occurrence of the key's secret part (and the whole key) from a text.</summary>
    public static string Scrub(string text, string apiKey)
    {
        if (string.IsNullOrEmpty(text) || string.IsNullOrEmpty(apiKey))
        {
            return text;
        }

        var bare = apiKey.StartsWith("ApiKey ", StringComparison.Ordinal) ? apiKey["ApiKey ".Length..] : apiKey;
        var colon = bare.IndexOf(':', StringComparison.Ordinal);
        var secret = colon >= 0 ? bare[(colon + 1)..] : bare;
        if (secret.Length >= 4)
        {
            text = text.Replace(secret, Stars, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>A text for a log line: secret scrubbed, cut at <paramref name="max"/> characters.</summary>
    public static string ForLog(string text, string apiKey, int max = 4000) => Truncate(Scrub(text, apiKey), max);

    public static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");
}
