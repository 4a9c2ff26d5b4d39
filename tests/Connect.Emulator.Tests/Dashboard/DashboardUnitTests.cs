using Connect.Emulator.Dashboard;
using static Connect.Emulator.Dashboard.Html;

namespace Connect.Emulator.Tests.Dashboard;

public sealed class DashboardUnitTests
{
    [Fact]
    public void H_TextHoles_AreEncodedAndMarkupHolesKept()
    {
        var text = "<b onclick=\"x\">&'";
        var markup = new Markup("<i>kept</i>");

        var html = H($"<td title=\"{text}\">{text}{markup}</td>").Value;

        Assert.Equal("<td title=\"&lt;b onclick=&quot;x&quot;&gt;&amp;&#x27;\">&lt;b onclick=&quot;x&quot;&gt;&amp;&#x27;<i>kept</i></td>", html);
    }

    [Fact]
    public void Option_CurrentValue_IsSelected()
    {
        Assert.Equal("<option value=\"a\" selected>A &amp; B</option>", Option("a", "A & B", "a").Value);
        Assert.Equal("<option value=\"b\">B</option>", Option("b", "B", "a").Value);
    }

    [Fact]
    public async Task WaitPastAsync_CompletesOnTheNextPublishWithTheNewVersion()
    {
        var feed = new ChangeFeed();
        var waiting = feed.WaitPastAsync(feed.Version, CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        feed.Publish();

        Assert.Equal(1, await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task WaitPastAsync_AlreadyPast_CompletesAtOnce()
    {
        var feed = new ChangeFeed();
        feed.Publish();
        feed.Publish();

        Assert.Equal(2, await feed.WaitPastAsync(0, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task WaitPastAsync_Cancelled_Throws()
    {
        var feed = new ChangeFeed();
        using var cancel = new CancellationTokenSource();
        var waiting = feed.WaitPastAsync(0, cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Theory]
    [InlineData("public/v1/tier/config-requests/{id}", "Public API: tier")]
    [InlineData("public/v1/requests", "Public API: requests")]
    [InlineData("emulator/v1/faults", "Control API")]
    [InlineData("files/x", "Other")]
    public void Area_RelativePath_NamesTheTag(string path, string expected) => Assert.Equal(expected, EmulatorOpenApi.Area(path));

    [Theory]
    [InlineData("GET", 0)]
    [InlineData("HEAD", 0)]
    [InlineData("POST", 1)]
    [InlineData("PUT", 1)]
    [InlineData("DELETE", 1)]
    public async Task ObserveAsync_PublishesForWritesOnly(string method, long expected)
    {
        var feed = new ChangeFeed();
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.Method = method;

        await feed.ObserveAsync(context, _ => Task.CompletedTask);

        Assert.Equal(expected, feed.Version);
    }
}
