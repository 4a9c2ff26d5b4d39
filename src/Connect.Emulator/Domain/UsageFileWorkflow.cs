using System.Globalization;
using System.Text.Json.Nodes;
using Connect.Emulator.Documents;
using Connect.Emulator.Store;
using Connect.Emulator.Usage;

namespace Connect.Emulator.Domain;

/// <summary>
/// The usage file state machine (contract/api-contract.md section 6.3): submit, accept (or approve-all), reject, close, delete and
/// reprocess, each with its event, statistics, record statuses and audit entry.
/// </summary>
internal sealed class UsageFileWorkflow(DocumentStore store, Clock clock)
{
    private static readonly string[] Deletable = ["draft", "invalid", "ready", "rejected"];

    /// <summary>Validates the stored upload again (assets or items may have changed): ready or invalid.</summary>
    public JsonObject Reprocess(string id, long maxBytes, Caller caller)
    {
        var content = UsageService.UploadedContent(store, id);
        var parsed = content is null
            ? UsageWorkbookParseResult.Failure("No file was uploaded.")
            : UsageWorkbookParser.Parse(new MemoryStream(content), Math.Max(maxBytes, content.Length));
        return Transition(id, "reprocess", caller, ["ready", "invalid"], (w, file, now) =>
        {
            DeleteRecords(w, file);
            UsageService.Process(w, file, parsed);
            return Json.Str(file, "status")!;
        });
    }

    public JsonObject Submit(string id, Caller caller) =>
        Transition(id, "submit", caller, ["ready"], (w, file, now) =>
        {
            UsageService.Events(file)["submitted"] = EventStamp.At(now, caller);
            SetRecords(w, file, "valid", now, caller);
            var n = UsageService.Count(file, "records.valid");
            file["stats"] = UsageService.Stats(n, n, n, 0, 0);
            return "pending";
        });

    public JsonObject Accept(string id, JsonObject body, Caller caller) =>
        Transition(id, "accept", caller, ["pending"], (w, file, now) => AcceptIn(w, file, Json.Text(body, "acceptance_note") ?? string.Empty, now, caller));

    /// <summary><c>PUT approve-all</c>: every record of a pending file is approved and the file accepted ("Auto Approved").</summary>
    public JsonObject ApproveAll(string id, Caller caller) =>
        Transition(id, "approve-all", caller, ["pending"], (w, file, now) => AcceptIn(w, file, "Auto Approved", now, caller));

    public JsonObject Reject(string id, JsonObject body, Caller caller)
    {
        var note = Json.Text(body, "rejection_note");
        if (string.IsNullOrWhiteSpace(note))
        {
            throw DomainException.Invalid("rejection_note: This field is required.");
        }

        return Transition(id, "reject", caller, ["pending"], (w, file, now) =>
        {
            file["rejection_note"] = note;
            UsageService.Events(file)["rejected"] = EventStamp.At(now, caller);
            SetRecords(w, file, "rejected", now, caller);
            var n = UsageService.Count(file, "records.valid");
            file["stats"] = UsageService.Stats(n, n, 0, 0, 0);
            return "rejected";
        });
    }

    public JsonObject Close(string id, Caller caller) =>
        Transition(id, "close", caller, ["accepted"], (w, file, now) =>
        {
            UsageService.Events(file)["closed"] = EventStamp.At(now, caller);
            SetRecords(w, file, "closed", now, caller);
            var n = UsageService.Count(file, "records.valid");
            file["stats"] = UsageService.Stats(n, n, 0, n, n);
            ((JsonObject)file["records"]!)["closed"] = n;
            return "closed";
        });

    public JsonObject Delete(string id, Caller caller) =>
        Transition(id, "delete", caller, Deletable, (w, file, now) =>
        {
            UsageService.Events(file)["deleted"] = EventStamp.At(now, caller);
            DeleteRecords(w, file);
            return "deleted";
        });

    private static string AcceptIn(StoreWriter w, JsonObject file, string note, string now, Caller caller)
    {
        file["acceptance_note"] = note;
        UsageService.Events(file)["accepted"] = EventStamp.At(now, caller);
        SetRecords(w, file, "approved", now, caller);
        var n = UsageService.Count(file, "records.valid");
        file["stats"] = UsageService.Stats(n, n, 0, n, 0);
        return "accepted";
    }

    private JsonObject Transition(string id, string action, Caller caller, string[] from, Func<StoreWriter, JsonObject, string, string> apply) =>
        store.Write(w =>
        {
            var file = Json.Clone(w.Get(Collections.UsageFiles, id) ?? throw DomainException.NotFound("Usage file", id));
            var status = UsageService.RequireStatus(file, action, from);
            var now = clock.Now();
            var to = apply(w, file, now);
            file["status"] = to;
            w.Put(Collections.UsageFiles, file);
            w.Audit(Collections.UsageFiles, id, status, to, action, now, caller.ApiKeyId);
            return UsageService.Shape(file);
        });

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

    /// <summary>The record ids of a file are its id plus a number, so a file's records are found without an index.</summary>
    private static IEnumerable<JsonObject> RecordsOf(StoreWriter w, JsonObject file)
    {
        var prefix = "UR-" + Json.Id(file)[3..] + "-";
        var count = UsageService.Count(file, "records.valid");
        for (var i = 1; i <= count; i++)
        {
            if (w.Get(Collections.UsageRecords, prefix + i.ToString("0000", CultureInfo.InvariantCulture)) is { } record)
            {
                yield return record;
            }
        }
    }
}
