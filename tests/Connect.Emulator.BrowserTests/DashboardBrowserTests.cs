using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Connect.Emulator.BrowserTests;

/// <summary>The emulator's dashboard driven in a real browser (headless Chromium through Playwright).</summary>
public sealed class DashboardBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Purchase_CreatedInPageAndProcessed_TurnsApprovedWithoutReload()
    {
        await using var env = await DashboardEnvironment.StartAsync(browser);
        var page = env.Page;

        await page.GotoAsync(env.Emulator.DashboardUrl + "/new/purchase?product=" + DashboardEnvironment.TierProduct);
        await page.Locator("select[name=customer_id]").SelectOptionAsync("TA-1000-0000-0001");
        await page.Locator("select[name=tier1_id]").SelectOptionAsync("TA-2000-0000-0001");
        await page.Locator("input[data-param=customer_email]").FillAsync("it@acme.example");
        await page.Locator("input[data-param=tenant_domain]").FillAsync("acme-browser");
        await env.ScreenshotAsync("new-purchase");
        await page.Locator("#purchase-form button[type=submit]").ClickAsync();

        await page.WaitForURLAsync("**/ui/requests/PR-*");
        var requestId = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        var status = page.Locator("dl.summary .status").First;
        await Expect(status).ToHaveTextAsync("pending");
        await env.WaitLiveAsync();
        // A marker that a reload would wipe out: the page must change in place.
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");

        await env.RunProcessorOnceAsync();

        await Expect(status).ToHaveTextAsync("approved");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the page was reloaded");
        Assert.Equal("approved", (await env.RequestAsync(requestId))["status"]!.GetValue<string>());
        await Expect(page.Locator("tr[data-param=subscription_id] td.value")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^SUB-"));
        await Expect(page.Locator("table.audit")).ToContainTextAsync("pending → approved");
        await env.ScreenshotAsync("request-approved");

        // The list shows it too, live: open the list first, then approve another purchase with the processor.
        await page.GotoAsync(env.Emulator.DashboardUrl + "/requests?product=" + DashboardEnvironment.TierProduct);
        await Expect(page.Locator($"tr[data-id='{requestId}'] .status")).ToHaveTextAsync("approved");
        await env.ScreenshotAsync("dashboard-requests");
    }

    [BrowserFact]
    public async Task Purchase_WithEmptyParameter_InquiresThenReturnsToPendingWhenFilledInPage()
    {
        await using var env = await DashboardEnvironment.StartAsync(browser);
        var page = env.Page;

        await page.GotoAsync(env.Emulator.DashboardUrl + "/new/purchase?product=" + DashboardEnvironment.TierProduct);
        await page.Locator("select[name=customer_id]").SelectOptionAsync("TA-1000-0000-0001");
        await page.Locator("select[name=tier1_id]").SelectOptionAsync("TA-2000-0000-0001");
        await page.Locator("input[data-param=customer_email]").FillAsync("it@acme.example");
        await page.Locator("#purchase-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/ui/requests/PR-*");
        var requestId = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        await env.WaitLiveAsync();

        await env.RunProcessorOnceAsync();

        var status = page.Locator("dl.summary .status").First;
        await Expect(status).ToHaveTextAsync("inquiring");
        var tenant = page.Locator("form[data-action=fill-params] input[data-param=tenant_domain]");
        await env.ScreenshotAsync("request-inquiring");
        await tenant.FillAsync("acme-filled");
        await page.Locator("form[data-action=fill-params] button[type=submit]").ClickAsync();
        await Expect(status).ToHaveTextAsync("pending");
        Assert.Equal("acme-filled", Param(await env.RequestAsync(requestId), "tenant_domain"));

        await env.RunProcessorOnceAsync();
        await Expect(status).ToHaveTextAsync("approved");
        await Expect(page.Locator("ol.messages")).ToContainTextAsync("inquiring");
    }

    [BrowserFact]
    public async Task ActiveAsset_SuspendThenResumeFromPage_CreatesRequestsTheProcessorApproves()
    {
        await using var env = await DashboardEnvironment.StartAsync(browser);
        var page = env.Page;
        await env.RunProcessorOnceAsync();
        var assetId = "AS-0001-0001-0001";
        await page.GotoAsync(env.Emulator.DashboardUrl + "/assets/" + assetId);
        await Expect(page.Locator("dl.summary .status").First).ToHaveTextAsync("active");
        await env.ScreenshotAsync("asset-active");

        await page.Locator("form[data-type=suspend] button").ClickAsync();
        await page.WaitForURLAsync("**/ui/requests/PR-*");
        await Expect(page.Locator("dl.summary dd").Nth(1)).ToHaveTextAsync("suspend");
        await env.WaitLiveAsync();
        await env.RunProcessorOnceAsync();
        await Expect(page.Locator("dl.summary .status").First).ToHaveTextAsync("approved");

        await page.GotoAsync(env.Emulator.DashboardUrl + "/assets/" + assetId);
        await Expect(page.Locator("dl.summary .status").First).ToHaveTextAsync("suspended");
        await page.Locator("form[data-type=resume] button").ClickAsync();
        await page.WaitForURLAsync("**/ui/requests/PR-*");
        await Expect(page.Locator("dl.summary dd").Nth(1)).ToHaveTextAsync("resume");
    }

    [BrowserFact]
    public async Task ActiveAsset_ChangeFromPage_CreatesChangeRequestWithNewQuantity()
    {
        await using var env = await DashboardEnvironment.StartAsync(browser);
        var page = env.Page;
        await env.RunProcessorOnceAsync();
        await page.GotoAsync(env.Emulator.DashboardUrl + "/assets/AS-0001-0001-0001");

        await page.Locator("form[data-type=change] input[data-item=MPN-A]").FillAsync("7");
        await page.Locator("form[data-type=change] button").ClickAsync();
        await page.WaitForURLAsync("**/ui/requests/PR-*");

        var requestId = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        var request = await env.RequestAsync(requestId);
        Assert.Equal("change", request["type"]!.GetValue<string>());
        Assert.Contains(request["asset"]!["items"]!.AsArray(), i => i!["mpn"]!.GetValue<string>() == "MPN-A" && i["quantity"]!.GetValue<string>() == "7");
    }

    [BrowserFact]
    public async Task TierConfigRequest_UpdateAndSetupCreatedInPage_ArePendingAndListed()
    {
        await using var env = await DashboardEnvironment.StartAsync(browser);
        var page = env.Page;
        var form = env.Emulator.DashboardUrl + "/new/tier-config-request?product=" + DashboardEnvironment.TierProduct;

        // Northwind's tier config is active with no open request: an update.
        await page.GotoAsync(form);
        await page.Locator("select[name=target]").SelectOptionAsync("config:TC-128-851-171");
        await page.Locator("input[data-param=partner_number]").FillAsync("P-42");
        await page.Locator("form[data-action=tier-request] button").ClickAsync();
        await page.WaitForURLAsync("**/ui/tier-config-requests/TCR-*");
        await Expect(page.Locator("dl.summary .status").First).ToHaveTextAsync("pending");
        await Expect(page.Locator("dl.summary")).ToContainTextAsync("update");
        await Expect(page.Locator("tr[data-param=partner_number] td.value")).ToHaveTextAsync("P-42");

        // Globex has no tier config for the product: a setup.
        await page.GotoAsync(form);
        await page.Locator("select[name=target]").SelectOptionAsync("account:TA-1000-0000-0002");
        await page.Locator("form[data-action=tier-request] button").ClickAsync();
        await page.WaitForURLAsync("**/ui/tier-config-requests/TCR-*");
        await Expect(page.Locator("dl.summary")).ToContainTextAsync("setup");

        await page.GotoAsync(env.Emulator.DashboardUrl + "/tier-config-requests?status=pending");
        await Expect(page.Locator("#list")).ToContainTextAsync("Globex Inc");
        await Expect(page.Locator("#list")).ToContainTextAsync("Northwind Reseller");
    }

    [BrowserFact]
    public async Task UsageFile_UploadedFromPage_IsCreatedWithTheSpreadsheet()
    {
        await using var env = await DashboardEnvironment.StartAsync(browser);
        var page = env.Page;
        await page.GotoAsync(env.Emulator.DashboardUrl + "/new/usage-file");
        var template = await env.Api.GetByteArrayAsync(new Uri(env.Emulator.BaseUrl.Replace("/public/v1", string.Empty, StringComparison.Ordinal) + "/files/usage/templates/PRD-400-500-600.xlsx"));
        await page.Locator("input[name=usage_file]").SetInputFilesAsync(new FilePayload
        {
            Name = "usage.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = template,
        });
        await page.Locator("form[data-action=usage-upload] button").ClickAsync();

        await page.WaitForURLAsync("**/ui/usage-files/UF-*");
        var usageFileId = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        var file = (await env.Api.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"usage/files/{usageFileId}"))!;
        Assert.NotEqual("draft", file["status"]!.GetValue<string>());
        await Expect(page.Locator("dl.summary .status").First).ToHaveTextAsync(file["status"]!.GetValue<string>());
        await Expect(page.Locator("table.audit")).ToContainTextAsync("upload");
        await env.ScreenshotAsync("usage-file");
    }

    [BrowserFact]
    public async Task Action_RejectedByTheApi_ShowsTheErrorInPage()
    {
        await using var env = await DashboardEnvironment.StartAsync(browser);
        var page = env.Page;
        // AS-0001-0001-0003 has an open change request in the demo seed, so a second request on it is refused.
        await page.GotoAsync(env.Emulator.DashboardUrl + "/new/purchase?product=" + DashboardEnvironment.TierProduct);
        await page.Locator("input[data-param=tenant_domain]").FillAsync("acme");
        await page.Locator("input[data-param=customer_email]").FillAsync("it@acme.example");
        await page.Locator("#purchase-form button[type=submit]").ClickAsync();

        // The demo seed already has a subscription with tenant "acme" (a unique parameter): the API refuses it.
        await Expect(page.Locator("#flash.error")).ToContainTextAsync("acme");
        Assert.Contains("/ui/new/purchase", page.Url, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task ApiReference_OpenedFromTheMenu_RendersTheEmulatorsRoutes()
    {
        await using var env = await DashboardEnvironment.StartAsync(browser);
        var page = env.Page;
        var outside = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(env.Emulator.DashboardUrl.Replace("/ui", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal)
                && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                outside.Add(request.Url);
            }
        };

        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        await page.GetByRole(AriaRole.Link, new() { Name = "API reference" }).ClickAsync();

        // Scalar renders after fetching /ui/openapi/v1.json, which can take a while on a busy machine.
        await Expect(page.GetByText("Control API").First).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.GetByText("Connect emulator").First).ToBeVisibleAsync();
        await env.ScreenshotAsync("api-reference", fullPage: false);
        Assert.Empty(errors);
        Assert.Empty(outside);
    }

    [BrowserFact]
    public async Task SignIn_WrongKey_IsRefusedOnThePage()
    {
        await using var env = await DashboardEnvironment.StartAsync(browser);
        var page = await env.Context.Browser!.NewPageAsync();
        var response = await page.GotoAsync(env.Emulator.DashboardUrl + "/assets");
        Assert.Equal(401, response!.Status);
        await page.Locator("input[name=key]").FillAsync("ApiKey SU-000-000-000:wrong");
        await page.Locator("form[action='/ui/login'] button[type=submit]").ClickAsync();

        await Expect(page.Locator("p.error")).ToContainTextAsync("not accepted");
        await page.CloseAsync();
    }

    private static string? Param(System.Text.Json.Nodes.JsonObject request, string id) =>
        request["asset"]!["params"]!.AsArray().First(p => p!["id"]!.GetValue<string>() == id)!["value"]?.GetValue<string>();
}
