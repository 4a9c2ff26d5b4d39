using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Connect.Emulator.Store;
using Connect.Emulator.Usage;
using Connect.Emulator.Documents;

namespace Connect.Emulator.Domain;

/// <summary>The emulator's usage error codes (docs/emulator.md, "Usage files"); all emulator-specific.</summary>
internal static class UsageErrorCodes
{
    /// <summary>An action the usage file's status does not allow (contract/api-contract.md section 6.3).</summary>
    public const string Transition = "UF_001";

    /// <summary><c>PUT</c> on a usage file that is no longer editable.</summary>
    public const string NotEditable = "UF_002";

    /// <summary>An upload that is not multipart or lacks the <c>usage_file</c> field.</summary>
    public const string UploadForm = "UF_003";

    /// <summary>An upload larger than <see cref="EmulatorOptions.MaxUploadBytes"/>.</summary>
    public const string UploadTooLarge = "UF_004";
}

/// <summary>
/// Usage files and usage records (contract/api-contract.md sections 5.5, 6.3, 8): creation, upload and validation of the spreadsheet against
/// the product's items and assets, and the usage-file state machine with its audit trail.
/// </summary>
internal sealed class UsageService(DocumentStore store, Clock clock)
{
    /// <summary>Uploaded workbooks (bytes and categories), one document per usage file; never served by the public API.</summary>
    public const string Uploads = "usage_uploads";

    /// <summary>Bookkeeping fields stored on usage files (for the legacy <c>product_id</c> filter) and never returned.</summary>
    public static readonly string[] FileInternal = ["product_id"];

    /// <summary>Bookkeeping fields stored on usage records (records of a deleted file) and never returned.</summary>
    public static readonly string[] RecordInternal = ["_deleted"];

    private const int MaxErrorsInDetail = 100;

    private static readonly string[] Editable = ["draft", "ready", "invalid"];
    private static readonly string[] UpdatableFields = ["name", "description", "note", "currency", "external_id"];

    public JsonObject Get(string id) =>
        Shape(store.Get(Collections.UsageFiles, id) ?? throw DomainException.NotFound("Usage file", id));

    public JsonObject GetRecord(string id)
    {
        var record = store.Get(Collections.UsageRecords, id);
        return record is null || record["_deleted"] is not null ? throw DomainException.NotFound("Usage record", id) : Shape(record, RecordInternal);
    }

    /// <summary>The categories of the uploaded workbook (<c>generic_category</c> when it had none); empty before an upload.</summary>
    public JsonArray Categories(string id)
    {
        _ = Get(id);
        return store.Get(Uploads, id)?["categories"]?.DeepClone() as JsonArray ?? [];
    }

    public JsonObject Create(JsonObject body, Caller caller) => store.Write(w =>
    {
        var name = Json.Text(body, "name");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw DomainException.Invalid("name: This field is required.");
        }

        var productId = Json.Str(body, "product.id") ?? Json.Text(body, "product_id")
            ?? throw DomainException.Invalid("product.id: This field is required.");
        var product = w.Get(Collections.Products, productId) ?? throw DomainException.Invalid($"product: Product {productId} does not exist.");
        var schema = Json.Str(product, "capabilities.ppu.schema")?.ToLowerInvariant()
            ?? throw DomainException.Invalid($"product: Product {productId} is not a pay-per-use product (capabilities.ppu is not set).");
        var contractId = Json.Str(body, "contract.id") ?? Json.Text(body, "contract_id")
            ?? throw DomainException.Invalid("contract.id: This field is required.");
        var contract = w.Get(Collections.Contracts, contractId) ?? throw DomainException.Invalid($"contract: Contract {contractId} does not exist.");
        var marketplaceId = Json.Str(contract, "marketplace.id");
        var marketplace = (marketplaceId is null ? null : w.Get(Collections.Marketplaces, marketplaceId))
            ?? new JsonObject { ["id"] = marketplaceId ?? "MP-00000", ["name"] = "Marketplace" };
        var listed = w.All(Collections.Listings).Any(l =>
            Json.Str(l, "product.id") == productId && Json.Str(l, "contract.id") == contractId && Json.Str(l, "status") == "listed");
        if (!listed)
        {
            throw DomainException.Invalid($"contract: Product {productId} has no listing (status listed) under contract {contractId}.");
        }

        var now = clock.Now();
        var id = NewFileId(w, now);
        var connectionType = w.All(Collections.Connections).FirstOrDefault(c => Json.Str(c, "product.id") == productId) is { } connection
            ? Json.Str(connection, "type") : null;
        var file = new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["external_id"] = Json.Text(body, "external_id") ?? string.Empty,
            ["status"] = "draft",
            ["created_by"] = caller.ApiKeyId,
            ["created_at"] = now,
            ["description"] = Json.Text(body, "description") ?? string.Empty,
            ["note"] = Json.Text(body, "note") ?? string.Empty,
            ["vendor"] = Json.Copy(product["owner"]) ?? new JsonObject(),
            ["provider"] = Json.Copy(contract["owner"]) ?? new JsonObject(),
            ["environment"] = connectionType switch
            {
                "test" => "test",
                "preview" => "preview",
                _ => "production",
            },
            ["marketplace"] = Accounts.MarketplaceRef(marketplace),
            ["product"] = ProductRef(product),
            ["contract"] = Json.Ref(contract, "id", "name"),
            ["schema"] = schema,
            ["currency"] = Json.Text(body, "currency") ?? Json.Str(marketplace, "currency") ?? "USD",
            ["period"] = Period(body["period"]),
            ["error_detail"] = string.Empty,
            ["acceptance_note"] = string.Empty,
            ["rejection_note"] = string.Empty,
            ["usage_file_uri"] = string.Empty,
            ["processed_file_uri"] = string.Empty,
            ["stats"] = Stats(0, 0, 0, 0, 0),
            ["records"] = new JsonObject { ["valid"] = 0, ["invalid"] = 0, ["closed"] = 0 },
            ["events"] = new JsonObject { ["created"] = EventStamp.At(now, caller) },
            ["product_id"] = productId,
        };
        w.Put(Collections.UsageFiles, file);
        w.Audit(Collections.UsageFiles, id, null, "draft", "create", now, caller.ApiKeyId);
        return Shape(file);
    });

    public JsonObject Update(string id, JsonObject body) => store.Write(w =>
    {
        var file = Json.Clone(w.Get(Collections.UsageFiles, id) ?? throw DomainException.NotFound("Usage file", id));
        var status = Json.Str(file, "status");
        if (!Editable.Contains(status))
        {
            throw DomainException.Refused(UsageErrorCodes.NotEditable, $"Usage file {id} is in status {status} and cannot be updated.");
        }

        foreach (var field in UpdatableFields)
        {
            if (body.ContainsKey(field))
            {
                file[field] = Json.Text(body, field) ?? string.Empty;
            }
        }

        if (body["period"] is JsonObject)
        {
            file["period"] = Period(body["period"]);
        }

        w.Put(Collections.UsageFiles, file);
        return Shape(file);
    });

    /// <summary>Fails fast (before the upload is read) when the file does not exist or is not a draft.</summary>
    public void CheckUploadable(string id)
    {
        var file = store.Get(Collections.UsageFiles, id) ?? throw DomainException.NotFound("Usage file", id);
        RequireStatus(file, "upload", ["draft"]);
    }

    /// <summary>Stores an upload and validates it: the file moves from draft to ready, or to invalid with <c>error_detail</c>.</summary>
    public JsonObject Upload(string id, byte[] content, UsageWorkbookParseResult parsed, string fileUri, Caller caller) => store.Write(w =>
    {
        var file = Json.Clone(w.Get(Collections.UsageFiles, id) ?? throw DomainException.NotFound("Usage file", id));
        RequireStatus(file, "upload", ["draft"]);
        var now = clock.Now();
        w.Put(Uploads, new JsonObject
        {
            ["id"] = id,
            ["content"] = Convert.ToBase64String(content),
            ["categories"] = CategoriesOf(parsed),
        });
        file["usage_file_uri"] = fileUri;
        ((JsonObject)file["events"]!)["uploaded"] = EventStamp.At(now, caller);
        Process(w, file, parsed);
        var to = Json.Str(file, "status")!;
        w.Put(Collections.UsageFiles, file);
        w.Audit(Collections.UsageFiles, id, "draft", to, "upload", now, caller.ApiKeyId);
        return Shape(file);
    });

    /// <summary>The stored upload of a usage file (for <c>usage_file_uri</c>), or null.</summary>
    public byte[]? UploadedContent(string id) => UploadedContent(store, id);

    internal static byte[]? UploadedContent(DocumentStore store, string id) =>
        store.Get(Uploads, id) is { } upload && Json.Str(upload, "content") is { } content ? Convert.FromBase64String(content) : null;

    internal static string RequireStatus(JsonObject file, string action, string[] from)
    {
        var status = Json.Str(file, "status")!;
        return from.Contains(status)
            ? status
            : throw DomainException.Refused(UsageErrorCodes.Transition, $"Usage file {Json.Id(file)} is in status {status}, action {action} is not allowed.");
    }

    /// <summary>Checks the parsed rows against the catalog and stores the records (ready), or fills error_detail (invalid).</summary>
    internal static void Process(StoreWriter w, JsonObject file, UsageWorkbookParseResult parsed)
    {
        var errors = new List<(int Row, string Message)>();
        var records = new List<JsonObject>();
        if (parsed.Error is null)
        {
            errors.AddRange(parsed.CellErrors.Select(e => (e.RowNumber, $"{e.Column}: {e.Message}")));
            var validator = new UsageRowValidator(w, file);
            foreach (var row in parsed.Rows)
            {
                var record = validator.Check(row, errors);
                if (record is not null)
                {
                    records.Add(record);
                }
            }

            if (errors.Count == 0 && records.Count == 0)
            {
                errors.Add((0, "The usage_records sheet has no records."));
            }
        }

        var recordCounts = (JsonObject)file["records"]!;
        if (parsed.Error is not null || errors.Count > 0)
        {
            file["status"] = "invalid";
            file["error_detail"] = parsed.Error ?? Detail(errors);
            recordCounts["valid"] = 0;
            recordCounts["invalid"] = errors.Select(e => e.Row).Where(r => r > 0).Distinct().Count();
            file["stats"] = Stats(0, 0, 0, 0, 0);
            return;
        }

        var prefix = "UR-" + Json.Id(file)[3..] + "-";
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            record["id"] = prefix + (i + 1).ToString("0000", CultureInfo.InvariantCulture);
            w.PutSealed(Collections.UsageRecords, record);
        }

        file["status"] = "ready";
        file["error_detail"] = string.Empty;
        recordCounts["valid"] = records.Count;
        recordCounts["invalid"] = 0;
        file["stats"] = Stats(records.Count, records.Count, 0, 0, 0);
    }

    private static string Detail(List<(int Row, string Message)> errors)
    {
        var lines = errors.OrderBy(e => e.Row).Take(MaxErrorsInDetail)
            .Select(e => e.Row > 0 ? $"Row {e.Row.ToString(CultureInfo.InvariantCulture)}: {e.Message}" : e.Message);
        var more = errors.Count > MaxErrorsInDetail
            ? $"\n... and {(errors.Count - MaxErrorsInDetail).ToString(CultureInfo.InvariantCulture)} more errors."
            : string.Empty;
        return string.Join('\n', lines) + more;
    }

    private static JsonArray CategoriesOf(UsageWorkbookParseResult parsed)
    {
        var categories = parsed.Categories.Count == 0
            ? [new ParsedUsageCategory("generic_category", "Generic Category", "Generic autogenerated category")]
            : parsed.Categories;
        return [.. categories.Select(c => (JsonNode)new JsonObject
        {
            ["id"] = c.Id,
            ["name"] = c.Name ?? c.Id,
            ["description"] = c.Description ?? string.Empty,
        })];
    }

    private static JsonObject ProductRef(JsonObject product)
    {
        var reference = Catalog.ProductRef(product);
        reference.Remove("status");
        return reference;
    }

    internal static JsonObject Events(JsonObject file) => (JsonObject)(file["events"] ??= new JsonObject());


    internal static JsonObject Stats(int uploaded, int validated, int pending, int accepted, int closed) => new()
    {
        ["uploaded"] = uploaded,
        ["validated"] = validated,
        ["pending"] = pending,
        ["accepted"] = accepted,
        ["closed"] = closed,
    };

    internal static int Count(JsonObject file, string path) =>
        int.TryParse(Json.Str(file, path), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static JsonObject Period(JsonNode? node) => new()
    {
        ["from"] = Json.Str(node, "from") ?? string.Empty,
        ["to"] = Json.Str(node, "to") ?? string.Empty,
    };

    /// <summary>A usage file id in Connect's shape <c>UF-YYYY-MM-NNNN-NNNN</c>, random like real ones.</summary>
    private static string NewFileId(StoreWriter w, string now)
    {
        while (true)
        {
            // Random, not a counter: a fresh store must not hand out the ids (and so the links) of another one.
            var text = RandomNumberGenerator.GetInt32(100_000_000).ToString("00000000", CultureInfo.InvariantCulture);
            var id = $"UF-{now[..4]}-{now[5..7]}-{text[..4]}-{text[4..]}";
            if (!w.Exists(Collections.UsageFiles, id))
            {
                return id;
            }
        }
    }

    internal static JsonObject Shape(JsonObject document) => Shape(document, FileInternal);

    /// <summary>A copy without the bookkeeping fields (the original may still be pending in the writer).</summary>
    private static JsonObject Shape(JsonObject document, string[] fields)
    {
        var copy = Json.Clone(document);
        foreach (var field in fields)
        {
            copy.Remove(field);
        }

        return copy;
    }
}
