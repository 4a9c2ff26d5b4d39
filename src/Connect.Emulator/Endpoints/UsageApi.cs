using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Connect.Emulator.Documents;
using Connect.Emulator.Domain;
using Connect.Emulator.Http;
using Connect.Emulator.Store;
using Connect.Emulator.Usage;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Http.Features;

namespace Connect.Emulator.Endpoints;

/// <summary>
/// The usage routes of contract/api-contract.md section 5.5 (relative to <c>/public/v1</c>), and the unauthenticated <c>/files/usage/...</c>
/// downloads that stand in for Connect's signed storage links (the usage template and uploaded files).
/// </summary>
internal static class UsageApi
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string FilesPrefix = "/files/usage/";

    private static readonly FrozenSet<string> FileActions = new[]
    {
        "submit", "accept", "reject", "close", "delete", "reprocess", "upload", "approve-all", "categories",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly ListSpec FileList = new(Collections.UsageFiles)
    {
        Filterable = ListFilters.UsageFiles,
        Internal = UsageService.FileInternal,
        SearchFields = ["id", "name", "external_id", "product.id", "product.name", "contract.id"],
    };

    private static readonly ListSpec RecordList = new(Collections.UsageRecords)
    {
        Filterable = ListFilters.UsageRecords,
        Prefilter = d => d["_deleted"] is null,
        Internal = UsageService.RecordInternal,
        SearchFields = ["id", "record_id", "usagefile.id", "asset.id", "item.mpn"],
    };

    /// <summary>The 17 columns of the PHP/HAXE layout (contract/api-contract.md section 8), the header row of the served template.</summary>
    private static readonly string[] TemplateColumns =
    [
        "record_id", "record_note", "item_search_criteria", "item_search_value", "amount", "quantity", "start_time_utc",
        "end_time_utc", "asset_search_criteria", "asset_search_value", "item_name", "item_mpn", "item_precision",
        "item_unit", "category_id", "asset_recon_id", "tier",
    ];

    public static void Map(RouteGroupBuilder api, EmulatorServices s)
    {
        var usage = s.Usage;
        api.MapGet("/usage/files", (HttpContext c) => Lists.FromStore(c, s.Store, FileList));
        api.MapPost("/usage/files", async Task<IResult> (HttpContext c) =>
            Responses.Json(usage.Create(BodyShapes.UsageCreate.Check(await Body(c).ConfigureAwait(false)), c.GetCaller()), StatusCodes.Status201Created));
        api.MapGet("/usage/files/{id}", (string id) => Responses.Json(usage.Get(id)));
        api.MapPut("/usage/files/{id}", async Task<IResult> (HttpContext c, string id) =>
            Responses.Json(usage.Update(id, BodyShapes.UsageUpdate.Check(await Body(c).ConfigureAwait(false)))));
        api.MapPut("/usage/files/{id}/approve-all", async Task<IResult> (HttpContext c, string id) =>
        {
            await Body(c).ConfigureAwait(false);
            return Responses.Json(s.UsageWorkflow.ApproveAll(id, c.GetCaller()));
        });
        api.MapGet("/usage/files/{id}/categories", (HttpContext c, string id) =>
            Lists.FromDocuments(c, usage.Categories(id).OfType<JsonObject>(), new ListSpec("usage_categories") { Filterable = ListFilters.UsageCategories, SearchFields = ["id", "name"] }));
        api.MapPost("/usage/files/{id}/upload", (HttpContext c, string id) => UploadAsync(c, usage, id));
        api.MapPost("/usage/files/{id}/{action}", async Task<IResult> (HttpContext c, string id, string action) =>
        {
            var body = await Body(c).ConfigureAwait(false);
            (action switch
            {
                "accept" => BodyShapes.UsageAccept,
                "reject" => BodyShapes.UsageReject,
                _ => null,
            })?.Check(body);
            var caller = c.GetCaller();
            return Responses.Json(action switch
            {
                "submit" => s.UsageWorkflow.Submit(id, caller),
                "accept" => s.UsageWorkflow.Accept(id, body, caller),
                "reject" => s.UsageWorkflow.Reject(id, body, caller),
                "close" => s.UsageWorkflow.Close(id, caller),
                "delete" => s.UsageWorkflow.Delete(id, caller),
                "reprocess" => s.UsageWorkflow.Reprocess(id, MaxBodySize(c), caller),
                _ => throw new ApiException(StatusCodes.Status404NotFound, ErrorCodes.NotFound, $"Action {action} does not exist."),
            });
        });
        ActionRoutes.MapFallback(api, "/usage/files/{id}/{action}", FileActions);

        api.MapGet("/usage/records", (HttpContext c) => Lists.FromStore(c, s.Store, RecordList));
        api.MapGet("/usage/records/{id}", (string id) => Responses.Json(usage.GetRecord(id)));

        api.MapGet("/usage/products/{productId}/template", (HttpContext c, string productId) =>
        {
            _ = s.Store.Get(Collections.Products, productId) ?? throw ApiException.NotFound("Product", productId);
            return Responses.Json(new JsonObject { ["template_link"] = $"{Origin(c)}{FilesPrefix}templates/{productId}.xlsx" });
        });
    }

    /// <summary>
    /// Serves <c>GET /files/usage/templates/{product}.xlsx</c> and <c>GET /files/usage/uploads/{usage file}/{token}.xlsx</c>
    /// without authentication, as Connect's signed storage links are fetched without the API key: an upload only at the
    /// exact link its <c>usage_file_uri</c> holds (a random 128-bit token per upload). Runs before authentication.
    /// </summary>
    public static async Task ServeFilesAsync(HttpContext context, RequestDelegate next, EmulatorServices services)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (!path.StartsWith(FilesPrefix, StringComparison.Ordinal) || !HttpMethods.IsGet(context.Request.Method))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var rest = path[FilesPrefix.Length..];
        byte[]? content = null;
        if (rest.StartsWith("templates/", StringComparison.Ordinal) && rest.EndsWith(".xlsx", StringComparison.Ordinal))
        {
            var productId = rest["templates/".Length..^".xlsx".Length];
            if (services.Store.Get(Collections.Products, productId) is not null)
            {
                content = Template();
            }
        }
        else if (rest.StartsWith("uploads/", StringComparison.Ordinal) && rest.EndsWith(".xlsx", StringComparison.Ordinal)
            && rest["uploads/".Length..^".xlsx".Length].Split('/') is [var fileId, var token]
            && services.Store.Get(Collections.UsageFiles, fileId) is { } usageFile
            && Uri.TryCreate(Json.Str(usageFile, "usage_file_uri"), UriKind.Absolute, out var link)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(link.AbsolutePath), Encoding.UTF8.GetBytes(path))
            && token.Length > 0)
        {
            // Only the exact link handed out in usage_file_uri (its 128-bit token included) serves the upload.
            content = services.Usage.UploadedContent(fileId);
        }

        if (content is null)
        {
            throw new ApiException(StatusCodes.Status404NotFound, ErrorCodes.NotFound, $"Resource {path} not found.");
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = XlsxContentType;
        context.Response.ContentLength = content.Length;
        await context.Response.Body.WriteAsync(content, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task<IResult> UploadAsync(HttpContext c, UsageService usage, string id)
    {
        usage.CheckUploadable(id);
        if (!c.Request.HasFormContentType)
        {
            throw new ApiException(400, UsageErrorCodes.UploadForm,
                "The upload must be multipart/form-data with the spreadsheet in the field usage_file.");
        }

        var maxBytes = MaxBodySize(c);
        IFormCollection form;
        try
        {
            form = await c.Request.ReadFormAsync(c.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(maxBytes);
        }
        catch (InvalidDataException ex)
        {
            throw new ApiException(400, UsageErrorCodes.UploadForm, $"The multipart body could not be read: {ex.Message}");
        }
        catch (IOException ex) when (!c.RequestAborted.IsCancellationRequested)
        {
            // A truncated or malformed multipart body ("Unexpected end of Stream").
            throw new ApiException(400, UsageErrorCodes.UploadForm, $"The multipart body could not be read: {ex.Message}");
        }

        var file = form.Files.GetFile("usage_file")
            ?? throw new ApiException(400, UsageErrorCodes.UploadForm,
                $"The multipart body has no file field usage_file (fields: {string.Join(", ", form.Files.Select(f => f.Name).Concat(form.Keys))}).");
        if (file.Length > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        // One copy of the upload in memory (it is stored); the workbook is read from it as a stream, within limits.
        var content = new byte[file.Length];
        var upload = file.OpenReadStream();
        await using (upload.ConfigureAwait(false))
        {
            await upload.ReadExactlyAsync(content, c.RequestAborted).ConfigureAwait(false);
        }

        var parsed = UsageWorkbookParser.Parse(content);
        // The link stands in for a signed storage link: unguessable, so an upload is not served to whoever guesses its id.
        var uri = $"{Origin(c)}{FilesPrefix}uploads/{id}/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}.xlsx";
        return Responses.Json(usage.Upload(id, content, parsed, uri, c.GetCaller()), StatusCodes.Status201Created);
    }

    private static ApiException TooLarge(long maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, UsageErrorCodes.UploadTooLarge,
            $"The upload is larger than the limit of {maxBytes} bytes (EmulatorOptions.MaxUploadBytes).");

    private static long MaxBodySize(HttpContext c) =>
        c.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? long.MaxValue;

    private static string Origin(HttpContext c) => $"{c.Request.Scheme}://{c.Request.Host}";

    /// <summary>A usage template: <c>usage_records</c> with the 17-column header and a <c>categories</c> sheet.</summary>
    private static byte[] Template()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook(new Sheets());
            AddSheet(workbookPart, "usage_records", 1, [TemplateColumns]);
            AddSheet(workbookPart, "categories", 2,
                [["category_id", "category_name", "category_description"], ["generic_category", "Generic Category", "Generic autogenerated category"]]);
        }

        return stream.ToArray();
    }

    private static void AddSheet(WorkbookPart workbookPart, string name, uint sheetId, string[][] rows)
    {
        var part = workbookPart.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (var r = 0; r < rows.Length; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            foreach (var text in rows[r])
            {
                row.Append(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) });
            }

            data.Append(row);
        }

        part.Worksheet = new Worksheet(data);
        workbookPart.Workbook.Sheets!.Append(new Sheet { Name = name, SheetId = sheetId, Id = workbookPart.GetIdOfPart(part) });
    }

    private static Task<JsonObject> Body(HttpContext context) => Bodies.ReadObjectAsync(context.Request, context.RequestAborted);
}
