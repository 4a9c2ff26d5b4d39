namespace Connect.Sdk;

/// <summary>
/// The route of a call with its identifiers replaced by <c>{id}</c> (<c>/requests/{id}/approve</c>), so that spans and
/// metrics group by route rather than by object. A path segment is an identifier when it holds a digit and a dash
/// (Connect ids: <c>PR-1234-5678-9012-001</c>) or only digits; the endpoint's own path (<c>/public/v1</c>) is left out.
/// </summary>
internal static class UrlTemplate
{
    public static string From(Uri? url, string basePath)
    {
        if (url is null)
        {
            return "/";
        }

        var path = url.IsAbsoluteUri ? url.AbsolutePath : url.OriginalString.Split('?')[0];
        if (basePath.Length > 0 && path.StartsWith(basePath, StringComparison.OrdinalIgnoreCase))
        {
            path = path[basePath.Length..];
        }

        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (IsIdentifier(segments[i]))
            {
                segments[i] = "{id}";
            }
        }

        var template = string.Join('/', segments);
        return template.Length == 0 ? "/" : template[0] == '/' ? template : "/" + template;
    }

    private static bool IsIdentifier(string segment)
    {
        if (segment.Length == 0)
        {
            return false;
        }

        var digit = false;
        var dash = false;
        var other = false;
        foreach (var c in segment)
        {
            digit |= char.IsAsciiDigit(c);
            dash |= c == '-';
            other |= !char.IsAsciiDigit(c);
        }

        return digit && (dash || !other);
    }
}
