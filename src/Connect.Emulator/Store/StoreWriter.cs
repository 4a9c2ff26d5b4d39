using System.Text.Json.Nodes;

namespace Connect.Emulator.Store;

/// <summary>
/// The view a mutation works through: reads see the mutation's own pending writes; puts, audit entries and counter
/// increments are committed together by <see cref="DocumentStore.Write{T}"/>.
/// </summary>
internal sealed class StoreWriter
{
    private readonly DocumentStore _store;

    internal StoreWriter(DocumentStore store)
    {
        _store = store;
    }

    internal OrderedDictionary<(string Collection, string Id), JsonObject> Puts { get; } = [];

    internal List<AuditEntry> Audits { get; } = [];

    internal Dictionary<string, long> Counters { get; } = new(StringComparer.Ordinal);

    /// <summary>The current document (including this mutation's pending write), or null.</summary>
    public JsonObject? Get(string collection, string id) =>
        Puts.TryGetValue((collection, id), out var pending) ? pending : _store.GetUnlocked(collection, id);

    /// <summary>A document found through the collection's secondary index.</summary>
    public JsonObject? GetByIndex(string collection, string value)
    {
        var field = DocumentStore.IndexedField(collection);
        if (field is not null)
        {
            foreach (var ((c, _), doc) in Puts)
            {
                if (c == collection && doc[field]?.GetValue<string>() == value)
                {
                    return doc;
                }
            }
        }

        var committed = _store.GetByIndexUnlocked(collection, value);
        return committed is null ? null : Get(collection, committed["id"]!.GetValue<string>());
    }

    /// <summary>Every document of a collection, with pending writes applied.</summary>
    public IEnumerable<JsonObject> All(string collection)
    {
        foreach (var doc in _store.AllUnlocked(collection).ToList())
        {
            var id = doc["id"]!.GetValue<string>();
            yield return Puts.TryGetValue((collection, id), out var pending) ? pending : doc;
        }

        foreach (var ((c, id), doc) in Puts.ToList())
        {
            if (c == collection && _store.GetUnlocked(collection, id) is null)
            {
                yield return doc;
            }
        }
    }

    /// <summary>Stores a document (insert or replace). The document must not be changed afterwards.</summary>
    public void Put(string collection, JsonObject document)
    {
        var id = document["id"]?.GetValue<string>() ?? throw new ArgumentException("A document needs an id.", nameof(document));
        Puts[(collection, id)] = document;
    }

    /// <summary>Appends a state transition to the audit log.</summary>
    public void Audit(string collection, string objectId, string? from, string to, string action, string at, string? apiKeyId) =>
        Audits.Add(new AuditEntry(0, objectId, collection, from, to, action, at, apiKeyId));

    /// <summary>Increments and returns a named counter (1 on first use).</summary>
    public long Next(string counter)
    {
        var value = (Counters.TryGetValue(counter, out var pending) ? pending : _store.CounterUnlocked(counter)) + 1;
        Counters[counter] = value;
        return value;
    }
}
