using System.Globalization;
using System.Text.Json.Nodes;
using Connect.Emulator.Http;
using Connect.Emulator.Store;
using Connect.Emulator.Usage;

namespace Connect.Emulator.Domain;

/// <summary>The emulator's usage error codes (docs/emulator.md, "Usage files"); all emulator-specific.</summary>
internal static class UsageErrorCodes
{
    /// <summary>An action the usage file's status does not allow (contract §6.3).</summary>
    public const string Transition = "UF_001";

    /// <summary><c>PUT</c> on a usage file that is no longer editable.</summary>
    public const string NotEditable = "UF_002";

    /// <summary>An upload that is not multipart or lacks the <c>usage_file</c> field.</summary>
    public const string UploadForm = "UF_003";

    /// <summary>An upload larger than <see cref="EmulatorOptions.MaxUploadBytes"/>.</summary>
    public const string UploadTooLarge = "UF_004";
}

/// <summary>
/// Usage files and usage records (contract §5.5, §6.3, §8): creation, upload and validation of the spreadsheet against
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
    private static readonly string[] Deletable = ["draft", "invalid", "ready", "rejected"];
    private static readonly string[] ReportableAssetStatuses = ["active", "suspended", "terminated"];

    public JsonObject Get(string id) =>
        Shape(store.Get(Collections.UsageFiles, id) ?? throw ApiException.NotFound("Usage file", id));

    public JsonObject GetRecord(string id)
    {
        var record = store.Get(Collections.UsageRecords, id);
        return record is null || record["_deleted"] is not null ? throw ApiException.NotFound("Usage record", id) : Shape(record, RecordInternal);
    }

    /// <summary>The categories of the uploaded workbook (<c>generic_category</c> when it had none); empty before an upload.</summary>
    public JsonArray Categories(string id)
    {
        _ = Get(id);
        return store.Get(Uploads, id)?["categories"]?.DeepClone() as JsonArray ?? [];
    }

    public JsonObject Create(JsonObject body, Caller caller) => store.Write(w =>
    {
        var name = Bodies.String(body, "name");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw ApiException.Invalid("name: This field is required.");
        }

        var productId = Bodies.Path(body, "product", "id") ?? Bodies.String(body, "product_id")
            ?? throw ApiException.Invalid("product.id: This field is required.");
        var product = w.Get(Collections.Products, productId) ?? throw ApiException.Invalid($"product: Product {productId} does not exist.");
        var schema = Json.Str(product, "capabilities.ppu.schema")?.ToLowerInvariant()
            ?? throw ApiException.Invalid($"product: Product {productId} is not a pay-per-use product (capabilities.ppu is not set).");
        var contractId = Bodies.Path(body, "contract", "id") ?? Bodies.String(body, "contract_id")
            ?? throw ApiException.Invalid("contract.id: This field is required.");
        var contract = w.Get(Collections.Contracts, contractId) ?? throw ApiException.Invalid($"contract: Contract {contractId} does not exist.");
        var marketplaceId = Json.Str(contract, "marketplace.id");
        var marketplace = (marketplaceId is null ? null : w.Get(Collections.Marketplaces, marketplaceId))
            ?? new JsonObject { ["id"] = marketplaceId ?? "MP-00000", ["name"] = "Marketplace" };
        var listed = w.All(Collections.Listings).Any(l =>
            Json.Str(l, "product.id") == productId && Json.Str(l, "contract.id") == contractId && Json.Str(l, "status") == "listed");
        if (!listed)
        {
            throw ApiException.Invalid($"contract: Product {productId} has no listing (status listed) under contract {contractId}.");
        }

        var now = clock.Now();
        var id = NewFileId(w, now);
        var connectionType = w.All(Collections.Connections).FirstOrDefault(c => Json.Str(c, "product.id") == productId) is { } connection
            ? Json.Str(connection, "type") : null;
        var file = new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["external_id"] = Bodies.String(body, "external_id") ?? string.Empty,
            ["status"] = "draft",
            ["created_by"] = caller.ApiKeyId,
            ["created_at"] = now,
            ["description"] = Bodies.String(body, "description") ?? string.Empty,
            ["note"] = Bodies.String(body, "note") ?? string.Empty,
            ["vendor"] = Json.Copy(product["owner"]) ?? new JsonObject(),
            ["provider"] = Json.Copy(contract["owner"]) ?? new JsonObject(),
            ["environment"] = connectionType switch
            {
                "test" => "test",
                "preview" => "preview",
                _ => "production",
            },
            ["marketplace"] = Accounts.MarketplaceRef(marketplace),
            ["product"] = Catalog.ProductRef(product).Let(p => p.Remove("status")),
            ["contract"] = Json.Ref(contract, "id", "name"),
            ["schema"] = schema,
            ["currency"] = Bodies.String(body, "currency") ?? Json.Str(marketplace, "currency") ?? "USD",
            ["period"] = Period(body["period"]),
            ["error_detail"] = string.Empty,
            ["acceptance_note"] = string.Empty,
            ["rejection_note"] = string.Empty,
            ["usage_file_uri"] = string.Empty,
            ["processed_file_uri"] = string.Empty,
            ["stats"] = Stats(0, 0, 0, 0, 0),
            ["records"] = new JsonObject { ["valid"] = 0, ["invalid"] = 0, ["closed"] = 0 },
            ["events"] = new JsonObject { ["created"] = Event(now, caller) },
            ["product_id"] = productId,
        };
        w.Put(Collections.UsageFiles, file);
        w.Audit(Collections.UsageFiles, id, null, "draft", "create", now, caller.ApiKeyId);
        return Shape(file);
    });

    public JsonObject Update(string id, JsonObject body) => store.Write(w =>
    {
        var file = Json.Clone(w.Get(Collections.UsageFiles, id) ?? throw ApiException.NotFound("Usage file", id));
        var status = Json.Str(file, "status");
        if (!Editable.Contains(status))
        {
            throw new ApiException(400, UsageErrorCodes.NotEditable, $"Usage file {id} is in status {status} and cannot be updated.");
        }

        foreach (var field in UpdatableFields)
        {
            if (body.ContainsKey(field))
            {
                file[field] = Bodies.String(body, field) ?? string.Empty;
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
        var file = store.Get(Collections.UsageFiles, id) ?? throw ApiException.NotFound("Usage file", id);
        RequireStatus(file, "upload", ["draft"]);
    }

    /// <summary>Stores an upload and validates it: the file moves from draft to ready, or to invalid with <c>error_detail</c>.</summary>
    public JsonObject Upload(string id, byte[] content, UsageWorkbookParseResult parsed, string fileUri, Caller caller) => store.Write(w =>
    {
        var file = Json.Clone(w.Get(Collections.UsageFiles, id) ?? throw ApiException.NotFound("Usage file", id));
        RequireStatus(file, "upload", ["draft"]);
        var now = clock.Now();
        w.Put(Uploads, new JsonObject
        {
            ["id"] = id,
            ["content"] = Convert.ToBase64String(content),
            ["categories"] = CategoriesOf(parsed),
        });
        file["usage_file_uri"] = fileUri;
        ((JsonObject)file["events"]!)["uploaded"] = Event(now, caller);
        Process(w, file, parsed);
        var to = Json.Str(file, "status")!;
        w.Put(Collections.UsageFiles, file);
        w.Audit(Collections.UsageFiles, id, "draft", to, "upload", now, caller.ApiKeyId);
        return Shape(file);
    });

    /// <summary>The stored upload of a usage file (for <c>usage_file_uri</c>), or null.</summary>
    public byte[]? UploadedContent(string id) =>
        store.Get(Uploads, id) is { } upload && Json.Str(upload, "content") is { } content ? Convert.FromBase64String(content) : null;

    /// <summary>Validates the stored upload again (assets or items may have changed): ready or invalid.</summary>
    public JsonObject Reprocess(string id, long maxBytes, Caller caller)
    {
        var content = UploadedContent(id);
        var parsed = content is null
            ? UsageWorkbookParseResult.Failure("No file was uploaded.")
            : UsageWorkbookParser.Parse(new MemoryStream(content), Math.Max(maxBytes, content.Length));
        return Transition(id, "reprocess", caller, ["ready", "invalid"], (w, file, now) =>
        {
            DeleteRecords(w, file);
            Process(w, file, parsed);
            return Json.Str(file, "status")!;
        });
    }

    public JsonObject Submit(string id, Caller caller) =>
        Transition(id, "submit", caller, ["ready"], (w, file, now) =>
        {
            Events(file)["submitted"] = Event(now, caller);
            SetRecords(w, file, "valid", now, caller);
            var n = Count(file, "records.valid");
            file["stats"] = Stats(n, n, n, 0, 0);
            return "pending";
        });

    public JsonObject Accept(string id, JsonObject body, Caller caller) =>
        Transition(id, "accept", caller, ["pending"], (w, file, now) => AcceptIn(w, file, Bodies.String(body, "acceptance_note") ?? string.Empty, now, caller));

    /// <summary><c>PUT approve-all</c>: every record of a pending file is approved and the file accepted ("Auto Approved").</summary>
    public JsonObject ApproveAll(string id, Caller caller) =>
        Transition(id, "approve-all", caller, ["pending"], (w, file, now) => AcceptIn(w, file, "Auto Approved", now, caller));

    public JsonObject Reject(string id, JsonObject body, Caller caller)
    {
        var note = Bodies.String(body, "rejection_note");
        if (string.IsNullOrWhiteSpace(note))
        {
            throw ApiException.Invalid("rejection_note: This field is required.");
        }

        return Transition(id, "reject", caller, ["pending"], (w, file, now) =>
        {
            file["rejection_note"] = note;
            Events(file)["rejected"] = Event(now, caller);
            SetRecords(w, file, "rejected", now, caller);
            var n = Count(file, "records.valid");
            file["stats"] = Stats(n, n, 0, 0, 0);
            return "rejected";
        });
    }

    public JsonObject Close(string id, Caller caller) =>
        Transition(id, "close", caller, ["accepted"], (w, file, now) =>
        {
            Events(file)["closed"] = Event(now, caller);
            SetRecords(w, file, "closed", now, caller);
            var n = Count(file, "records.valid");
            file["stats"] = Stats(n, n, 0, n, n);
            ((JsonObject)file["records"]!)["closed"] = n;
            return "closed";
        });

    public JsonObject Delete(string id, Caller caller) =>
        Transition(id, "delete", caller, Deletable, (w, file, now) =>
        {
            Events(file)["deleted"] = Event(now, caller);
            DeleteRecords(w, file);
            return "deleted";
        });

    private static string AcceptIn(StoreWriter w, JsonObject file, string note, string now, Caller caller)
    {
        file["acceptance_note"] = note;
        Events(file)["accepted"] = Event(now, caller);
        SetRecords(w, file, "approved", now, caller);
        var n = Count(file, "records.valid");
        file["stats"] = Stats(n, n, 0, n, 0);
        return "accepted";
    }

    private JsonObject Transition(string id, string action, Caller caller, string[] from, Func<StoreWriter, JsonObject, string, string> apply) =>
        store.Write(w =>
        {
            var file = Json.Clone(w.Get(Collections.UsageFiles, id) ?? throw ApiException.NotFound("Usage file", id));
            var status = RequireStatus(file, action, from);
            var now = clock.Now();
            var to = apply(w, file, now);
            file["status"] = to;
            w.Put(Collections.UsageFiles, file);
            w.Audit(Collections.UsageFiles, id, status, to, action, now, caller.ApiKeyId);
            return Shape(file);
        });

    private static string RequireStatus(JsonObject file, string action, string[] from)
    {
        var status = Json.Str(file, "status")!;
        return from.Contains(status)
            ? status
            : throw new ApiException(400, UsageErrorCodes.Transition, $"Usage file {Json.Id(file)} is in status {status}, action {action} is not allowed.");
    }

    /// <summary>Checks the parsed rows against the catalog and stores the records (ready), or fills error_detail (invalid).</summary>
    private static void Process(StoreWriter w, JsonObject file, UsageWorkbookParseResult parsed)
    {
        var errors = new List<(int Row, string Message)>();
        var records = new List<JsonObject>();
        if (parsed.Error is null)
        {
            errors.AddRange(parsed.CellErrors.Select(e => (e.RowNumber, $"{e.Column}: {e.Message}")));
            var validator = new RowValidator(w, file);
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

    /// <summary>The record ids of a file are its id plus a number, so a file's records are found without an index.</summary>
    private static IEnumerable<JsonObject> RecordsOf(StoreWriter w, JsonObject file)
    {
        var prefix = "UR-" + Json.Id(file)[3..] + "-";
        var count = Count(file, "records.valid");
        for (var i = 1; i <= count; i++)
        {
            if (w.Get(Collections.UsageRecords, prefix + i.ToString("0000", CultureInfo.InvariantCulture)) is { } record)
            {
                yield return record;
            }
        }
    }

    private static void SetRecords(StoreWriter w, JsonObject file, string status, string now, Caller caller)
    {
        foreach (var record in RecordsOf(w, file).ToList())
        {
            if (record["_deleted"] is not null)
            {
                continue;
            }

            record["status"] = status;
            if (status == "closed")
            {
                record["closed_at"] = now;
                record["closed_by"] = caller.ApiKeyId;
            }

            w.PutSealed(Collections.UsageRecords, record);
        }
    }

    private static void DeleteRecords(StoreWriter w, JsonObject file)
    {
        foreach (var record in RecordsOf(w, file).ToList())
        {
            record["_deleted"] = true;
            w.PutSealed(Collections.UsageRecords, record);
        }
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

    private static JsonObject Events(JsonObject file) => (JsonObject)(file["events"] ??= new JsonObject());

    private static JsonObject Event(string now, Caller caller) => new()
    {
        ["at"] = now,
        ["by"] = new JsonObject { ["id"] = caller.ApiKeyId, ["name"] = caller.ApiKeyId },
    };

    private static JsonObject Stats(int uploaded, int validated, int pending, int accepted, int closed) => new()
    {
        ["uploaded"] = uploaded,
        ["validated"] = validated,
        ["pending"] = pending,
        ["accepted"] = accepted,
        ["closed"] = closed,
    };

    private static int Count(JsonObject file, string path) =>
        int.TryParse(Json.Str(file, path), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static JsonObject Period(JsonNode? node) => new()
    {
        ["from"] = Json.Str(node, "from") ?? string.Empty,
        ["to"] = Json.Str(node, "to") ?? string.Empty,
    };

    /// <summary>A usage file id in Connect's shape <c>UF-YYYY-MM-NNNN-NNNN</c>, scattered like real ones.</summary>
    private static string NewFileId(StoreWriter w, string now)
    {
        while (true)
        {
            var n = w.Next("usage_file");
            var digits = (long)(((UInt128)(ulong)n * 7_919_393_137UL + 6UL * 104_729_017UL) % 100_000_000UL);
            var text = digits.ToString("00000000", CultureInfo.InvariantCulture);
            var id = $"UF-{now[..4]}-{now[5..7]}-{text[..4]}-{text[4..]}";
            if (!w.Exists(Collections.UsageFiles, id))
            {
                return id;
            }
        }
    }

    private static JsonObject Shape(JsonObject document) => Shape(document, FileInternal);

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

    /// <summary>Checks one row against the file's product (items, schema) and the product's assets (contract §8).</summary>
    private sealed class RowValidator(StoreWriter w, JsonObject file)
    {
        private readonly string _productId = Json.Str(file, "product.id")!;
        private readonly string _schema = Json.Str(file, "schema") ?? "qt";
        private readonly string? _marketplaceId = Json.Str(file, "marketplace.id");
        private readonly List<JsonObject> _items = [.. Catalog.Items(w, Json.Str(file, "product.id")!)];
        private readonly HashSet<string> _recordIds = new(StringComparer.Ordinal);
        private Dictionary<string, JsonObject>? _assetsByParameter;

        public JsonObject? Check(ParsedUsageRow row, List<(int Row, string Message)> errors)
        {
            var before = errors.Count;
            void Error(string message) => errors.Add((row.RowNumber, message));

            if (row.RecordId is null)
            {
                Error("record_id is empty.");
            }
            else if (!_recordIds.Add(row.RecordId))
            {
                Error($"record_id '{row.RecordId}' is used by an earlier row.");
            }

            var item = FindItem(row, Error);
            var asset = FindAsset(row, Error);

            if (_schema == "qt" && row.Quantity is null)
            {
                Error("quantity is required for schema qt.");
            }

            if (_schema is "tr" or "pr" or "cr" && row.Amount is null)
            {
                Error($"amount is required for schema {_schema}.");
            }

            if (_schema == "tr" && row.Tier is null)
            {
                Error("tier is required for schema tr.");
            }

            if (row.Quantity < 0)
            {
                Error("quantity must not be negative.");
            }

            if (row.Amount < 0)
            {
                Error("amount must not be negative.");
            }

            if (row.Tier is < 0)
            {
                Error("tier must not be negative.");
            }

            if (item is not null && row.Quantity is { } quantity && Decimals(Json.Str(item, "precision")) is { } places
                && decimal.Round(quantity, places) != quantity)
            {
                Error($"quantity {quantity.ToString(CultureInfo.InvariantCulture)} has more decimals than the item's precision {Json.Str(item, "precision")}.");
            }

            if (row.StartTimeUtc is null)
            {
                Error("start_time_utc is empty.");
            }

            if (row.EndTimeUtc is null)
            {
                Error("end_time_utc is empty.");
            }

            if (row.StartTimeUtc > row.EndTimeUtc)
            {
                Error("end_time_utc is before start_time_utc.");
            }

            if (errors.Count > before || item is null || asset is null)
            {
                return null;
            }

            return Record(row, item, asset);
        }

        private JsonObject? FindItem(ParsedUsageRow row, Action<string> error)
        {
            var criteria = row.ItemSearchCriteria;
            var value = row.ItemSearchValue;
            if (criteria is null || value is null)
            {
                error("item_search_criteria and item_search_value are required.");
                return null;
            }

            Func<JsonObject, bool>? match = criteria switch
            {
                "item.mpn" => i => Json.Str(i, "mpn") == value,
                "item.global_id" => i => Json.Id(i) == value,
                "item.local_id" => i => Json.Str(i, "local_id") == value || Json.Id(i) == value,
                _ => null,
            };
            if (match is null)
            {
                error($"item_search_criteria '{criteria}' is not one of item.mpn, item.global_id, item.local_id.");
                return null;
            }

            var item = _items.FirstOrDefault(match);
            if (item is null)
            {
                error($"no item of product {_productId} has {criteria} '{value}'.");
                return null;
            }

            if (Json.Str(item, "type") != "ppu")
            {
                error($"item {Json.Str(item, "mpn")} is not a pay-per-use item.");
                return null;
            }

            return item;
        }

        private JsonObject? FindAsset(ParsedUsageRow row, Action<string> error)
        {
            var criteria = row.AssetSearchCriteria;
            var value = row.AssetSearchValue;
            if (criteria is null || value is null)
            {
                error("asset_search_criteria and asset_search_value are required.");
                return null;
            }

            JsonObject? asset;
            if (criteria == "asset.id")
            {
                asset = w.Get(Collections.Assets, value);
                if (asset is not null && Json.Str(asset, "product.id") != _productId)
                {
                    asset = null;
                }
            }
            else if (criteria.StartsWith("parameter.", StringComparison.Ordinal) && criteria.Length > "parameter.".Length)
            {
                _assetsByParameter ??= IndexAssets();
                asset = _assetsByParameter.GetValueOrDefault(criteria["parameter.".Length..] + "\u0001" + value);
            }
            else
            {
                error($"asset_search_criteria '{criteria}' is not asset.id or parameter.<parameter id>.");
                return null;
            }

            if (asset is null)
            {
                error($"no asset of product {_productId} has {criteria} '{value}'.");
                return null;
            }

            var status = Json.Str(asset, "status");
            if (!ReportableAssetStatuses.Contains(status))
            {
                error($"asset {Json.Id(asset)} is in status {status}; usage can be reported only for active, suspended or terminated assets.");
                return null;
            }

            if (_marketplaceId is not null && Json.Str(asset, "marketplace.id") is { } marketplace && marketplace != _marketplaceId)
            {
                error($"asset {Json.Id(asset)} belongs to marketplace {marketplace}, not {_marketplaceId} of the usage file's contract.");
                return null;
            }

            return asset;
        }

        private Dictionary<string, JsonObject> IndexAssets()
        {
            var index = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
            foreach (var asset in w.All(Collections.Assets))
            {
                if (Json.Str(asset, "product.id") != _productId)
                {
                    continue;
                }

                foreach (var param in Json.Objects(asset["params"]))
                {
                    if (Json.Str(param, "value") is { Length: > 0 } v)
                    {
                        // Prefer a reportable asset when several share a value (e.g. a rejected one and its replacement).
                        var key = Json.Id(param) + "\u0001" + v;
                        if (!index.TryGetValue(key, out var existing) || !ReportableAssetStatuses.Contains(Json.Str(existing, "status")))
                        {
                            index[key] = asset;
                        }
                    }
                }
            }

            return index;
        }

        private JsonObject Record(ParsedUsageRow row, JsonObject item, JsonObject asset) => new()
        {
            ["id"] = string.Empty,
            ["record_id"] = row.RecordId,
            ["record_note"] = row.RecordNote ?? string.Empty,
            ["start_date"] = Clock.Format(new DateTimeOffset(row.StartTimeUtc!.Value, TimeSpan.Zero)),
            ["end_date"] = Clock.Format(new DateTimeOffset(row.EndTimeUtc!.Value, TimeSpan.Zero)),
            ["product_id"] = _productId,
            ["product"] = Json.Copy(file["product"]),
            ["external_billing_id"] = string.Empty,
            ["external_billing_note"] = string.Empty,
            ["item"] = new JsonObject
            {
                ["id"] = Json.Id(item),
                ["local_id"] = Json.Str(item, "local_id") ?? Json.Id(item),
                ["name"] = Json.Str(item, "display_name"),
                ["unit"] = Json.Str(item, "unit.unit"),
                ["mpn"] = Json.Str(item, "mpn"),
                ["precision"] = Json.Str(item, "precision"),
                ["type"] = Json.Str(item, "type"),
            },
            ["item_id"] = Json.Id(item),
            ["asset"] = Json.Ref(asset, "id", "external_id", "external_uid"),
            ["asset_id"] = Json.Id(asset),
            ["asset_external_id"] = Json.Str(asset, "external_id"),
            ["asset_external_uid"] = Json.Str(asset, "external_uid"),
            ["asset_recon_id"] = row.AssetReconId ?? string.Empty,
            ["category"] = row.CategoryId ?? "generic_category",
            ["tier"] = row.Tier,
            ["amount"] = row.Amount,
            ["multiplier"] = 1,
            ["usage"] = row.Quantity ?? 0m,
            ["status"] = "valid",
            ["closed_at"] = null,
            ["closed_by"] = null,
            ["params"] = new JsonArray([.. row.Params.Select(p => (JsonNode)new JsonObject
            {
                ["parameter_name"] = p.Key,
                ["parameter_value"] = p.Value,
            })]),
            ["usagefile"] = Json.Ref(file, "id", "name", "schema", "currency"),
        };

        private static int? Decimals(string? precision) => precision switch
        {
            "integer" => 0,
            "decimal(1)" => 1,
            "decimal(2)" => 2,
            "decimal(4)" => 4,
            "decimal(8)" => 8,
            _ => null,
        };
    }
}

/// <summary>Small fluent helper for building documents.</summary>
internal static class JsonObjectExtensions
{
    public static JsonObject Let(this JsonObject obj, Action<JsonObject> change)
    {
        change(obj);
        return obj;
    }
}
