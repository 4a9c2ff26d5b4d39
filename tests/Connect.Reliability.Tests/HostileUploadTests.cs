using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Connect.Emulator;
using Xunit.Abstractions;

namespace Connect.Reliability.Tests;

/// <summary>
/// Hostile usage uploads against the emulator run as its own process (<c>dotnet Connect.Emulator.dll</c>), so that its
/// peak working set (<c>VmHWM</c> in <c>/proc/&lt;pid&gt;/status</c>) is the emulator's alone: each file ends
/// <c>invalid</c> with an <c>error_detail</c> naming the limit, the process never passes 500 MB, and other calls are
/// answered while the upload is read.
/// </summary>
public sealed class HostileUploadTests(ITestOutputHelper output)
{
    private const long PeakLimitBytes = 500L * 1024 * 1024;

    [Theory]
    [InlineData("whitespace-bomb", "decompressed size")]
    [InlineData("whitespace-bomb-undeclared", "not a valid .xlsx workbook")] // the zip reader stops at the declared size
    [InlineData("huge-cells", "cell length")]
    [InlineData("one-huge-string", "cell length")]
    public async Task Upload_HostileWorkbook_InvalidNamingTheLimitInBoundedMemory(string kind, string limit)
    {
        var xlsx = kind switch
        {
            "whitespace-bomb" => HostileWorkbooks.WhitespaceBomb(3L << 30),
            "whitespace-bomb-undeclared" => HostileWorkbooks.WhitespaceBomb(3L << 30, declareSize: false),
            "huge-cells" => HostileWorkbooks.HugeCells(cells: 40, length: 20_000_000),
            _ => HostileWorkbooks.OneHugeString(960_000_000),
        };
        output.WriteLine($"{kind}: {xlsx.Length / 1024.0 / 1024:0.0} MB zipped");

        using var emulator = await EmulatorProcess.StartAsync();
        using var api = emulator.Client();
        var before = emulator.PeakWorkingSet();
        var file = JsonNode.Parse(await Ok(await api.PostAsync("usage/files", Json(
            """{"name":"hostile","period":{"from":"2026-01-01","to":"2026-01-31"},"currency":"EUR","product":{"id":"PRD-400-500-600"},"contract":{"id":"CRD-10001-00001-00001"}}"""))))!;
        var id = file["id"]!.GetValue<string>();

        // Other calls keep being answered while the upload is read.
        using var stop = new CancellationTokenSource();
        var pings = PingAsync(api, stop.Token);
        var clock = Stopwatch.StartNew();
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(xlsx);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(part, "usage_file", "usage.xlsx");
        using var upload = await api.PostAsync($"usage/files/{id}/upload", form);
        var elapsed = clock.Elapsed;
        await stop.CancelAsync();
        var (answered, slowest) = await pings;

        var text = await upload.Content.ReadAsStringAsync();
        Assert.True((int)upload.StatusCode == 201, $"{(int)upload.StatusCode}: {text}");
        var uploaded = JsonNode.Parse(text)!;
        var peak = emulator.PeakWorkingSet();
        output.WriteLine($"{kind}: {(int)upload.StatusCode} in {elapsed.TotalSeconds:0.00} s, status {uploaded["status"]}, peak working set {before / 1048576} MB -> {peak / 1048576} MB; {answered} other calls answered meanwhile (slowest {slowest.TotalMilliseconds:0} ms)\n  error_detail: {uploaded["error_detail"]}");
        Assert.Equal("invalid", uploaded["status"]!.GetValue<string>());
        Assert.Contains(limit, uploaded["error_detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(peak < PeakLimitBytes, $"peak working set {peak / 1048576} MB");
        Assert.True(answered > 0, "no other call was answered during the upload");

        // The emulator is still whole afterwards.
        await Ok(await api.GetAsync($"usage/files/{id}"));
    }

    [Theory]
    [InlineData("whitespace-bomb", "decompressed size")]
    [InlineData("huge-cells", "cell length")]
    [InlineData("one-huge-string", "cell length")]
    public void UsageSpreadsheetReader_HostileWorkbook_ThrowsNamingTheLimitInBoundedMemory(string kind, string limit)
    {
        var xlsx = kind switch
        {
            "whitespace-bomb" => HostileWorkbooks.WhitespaceBomb(3L << 30),
            "huge-cells" => HostileWorkbooks.HugeCells(cells: 40, length: 20_000_000),
            _ => HostileWorkbooks.OneHugeString(960_000_000),
        };
        var before = GC.GetAllocatedBytesForCurrentThread();

        var ex = Assert.Throws<Connect.Usage.UsageFormatException>(() => Connect.Usage.UsageSpreadsheetReader.ReadRecords(new MemoryStream(xlsx)).ToList());

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"{kind}: {ex.Message}; {allocated / 1048576} MB allocated");
        Assert.Contains(limit, ex.Message, StringComparison.Ordinal);
        Assert.True(allocated < 100L * 1024 * 1024, $"{allocated / 1048576} MB allocated");
    }

    [Fact]
    public void HostileWorkbooks_Deflate_InflatesToWhatItSays()
    {
        var deflate = new HostileWorkbooks.Deflate().Literal("<a>").Run((byte)' ', 100_000).Literal("</a>");
        using var inflate = new DeflateStream(new MemoryStream(deflate.Finish()), CompressionMode.Decompress);
        using var text = new StreamReader(inflate, Encoding.UTF8);
        var all = text.ReadToEnd();

        Assert.Equal(deflate.Length, all.Length);
        Assert.Equal("<a>" + new string(' ', 100_000) + "</a>", all);
    }

    private static async Task<(int Answered, TimeSpan Slowest)> PingAsync(HttpClient api, CancellationToken stop)
    {
        var answered = 0;
        var slowest = TimeSpan.Zero;
        while (!stop.IsCancellationRequested)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                using var reply = await api.GetAsync("products?limit=1", stop);
                Assert.True(reply.IsSuccessStatusCode, $"products: {(int)reply.StatusCode}");
                answered++;
                slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
                await Task.Delay(50, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
        }

        return (answered, slowest);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<string> Ok(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return text;
    }
}
