using System.Text.Json.Nodes;
using Connect.Emulator.Documents;

namespace Connect.Emulator.Store;

/// <summary>
/// The view a mutation works through: reads see the mutation's own pending writes; puts, audit entries and counter
/// increments are committed together by <see cref="DocumentStore.Write{T}"/>. Documents returned are the caller's
/// own copies (or the pending document itself), so they may be changed and put back.
/// </summary>
internal sealed class StoreWriter
{
    private readonly DocumentStore _store;

    internal StoreWriter(DocumentStore store)
    {
        _store = store;
    }

    internal OrderedDictionary<(string Collection, string Id), JsonObject> Puts { get; } = [];

    /// <summary>Documents already serialized by <see cref="PutSealed"/> (bulk inserts keep no parsed tree).</summary>
    internal OrderedDictionary<(string Collection, string Id), (byte[] Json, string? Status, (string Index, string Key)[] Keys)> Sealed { get; } = [];

    internal List<AuditEntry> Audits { get; } = [];

    internal Dictionary<string, long> Counters { get; } = new(StringComparer.Ordinal);

    /// <summary>The current document (including this mutation's pending write), or null.</summary>
    public JsonObject? Get(string collection, string id) =>
        Puts.TryGetValue((collection, id), out var pending) ? pending
        : Sealed.TryGetValue((collection, id), out var sealedDoc) ? JsonNode.Parse(sealedDoc.Json)!.AsObject()
        : _store.GetUnlocked(collection, id);

    /// <summary>True when a document with this id exists (committed or pending).</summary>
    public bool Exists(string collection, string id) =>
        Puts.ContainsKey((collection, id)) || Sealed.ContainsKey((collection, id)) || _store.ExistsUnlocked(collection, id);

    /// <summary>
    /// Stores a new document that will not change again in this mutation, serializing it now so that bulk inserts
    /// do not hold every parsed tree until the commit. Not visible to <see cref="All"/> and <see cref="Find"/>.
    /// </summary>
    public void PutSealed(string collection, JsonObject document)
    {
        var id = document["id"]?.GetValue<string>() ?? throw new ArgumentException("A document needs an id.", nameof(document));
        Sealed[(collection, id)] = (Json.WriteUtf8(document), (document["status"] as JsonValue)?.ToString(), Indexes.KeysOf(collection, document));
    }

    /// <summary>As <see cref="PutSealed"/> for a document already serialized, with its index keys.</summary>
    public void PutRaw(string collection, string id, byte[] json, string? status, (string Index, string Key)[] keys) =>
        Sealed[(collection, id)] = (json, status, keys);

    /// <summary>Every document of a (small) collection, with pending writes applied, in insertion order.</summary>
    public IEnumerable<JsonObject> All(string collection)
    {
        foreach (var id in _store.AllIdsUnlocked(collection).ToList())
        {
            yield return Get(collection, id)!;
        }

        foreach (var ((c, id), doc) in Puts.ToList())
        {
            if (c == collection && !_store.ExistsUnlocked(collection, id))
            {
                yield return doc;
            }
        }
    }

    /// <summary>The documents filed under <paramref name="key"/> in a secondary index (see <see cref="Indexes"/>).</summary>
    public IReadOnlyList<JsonObject> Find(string collection, string index, string key)
    {
        var keysOf = Indexes.For(collection).First(i => i.Name == index).Keys;
        var result = new List<(long Seq, JsonObject Doc)>();
        foreach (var id in _store.FindIdsUnlocked(collection, index, key))
        {
            if (!Puts.ContainsKey((collection, id)))
            {
                result.Add((_store.SeqUnlocked(collection, id), _store.GetUnlocked(collection, id)!));
            }
        }

        var order = long.MaxValue / 2;
        foreach (var ((c, id), doc) in Puts)
        {
            if (c == collection && keysOf(doc).Contains(key, StringComparer.Ordinal))
            {
                var seq = _store.SeqUnlocked(collection, id);
                result.Add((seq == long.MaxValue ? order++ : seq, doc));
            }
        }

        return [.. result.OrderBy(r => r.Seq).Select(r => r.Doc)];
    }

    /// <summary>Stores a document (insert or replace); it is serialized at commit.</summary>
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
