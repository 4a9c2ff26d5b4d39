using System.Collections.Frozen;
using Connect.Emulator.Http;

namespace Connect.Emulator.Dashboard;

/// <summary>The dashboard's script and stylesheet, embedded in the assembly (no front-end build, no CDN).</summary>
internal static class DashboardAssets
{
    private static readonly FrozenDictionary<string, (byte[] Content, string ContentType)> Files = Load();

    public static async Task WriteAsync(HttpContext context, string name)
    {
        if (!Files.TryGetValue(name.TrimStart('/'), out var file))
        {
            throw ApiException.NotFound("Asset", name.TrimStart('/'));
        }

        context.Response.ContentType = file.ContentType;
        context.Response.ContentLength = file.Content.Length;
        await context.Response.Body.WriteAsync(file.Content, context.RequestAborted).ConfigureAwait(false);
    }

    private static FrozenDictionary<string, (byte[] Content, string ContentType)> Load()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var name in new[] { "app.js", "app.css" })
        {
            using var stream = assembly.GetManifestResourceStream("Connect.Emulator.Dashboard." + name)
                ?? throw new InvalidOperationException($"The dashboard asset {name} is not embedded.");
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            files[name] = (buffer.ToArray(), name.EndsWith(".js", StringComparison.Ordinal) ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8");
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
