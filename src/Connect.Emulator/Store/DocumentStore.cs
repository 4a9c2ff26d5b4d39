using System.Text.Json.Nodes;
using Connect.Emulator.Documents;

namespace Connect.Emulator.Store;

/// <summary>
/// The emulator's state: JSON documents per collection, an audit log and id counters, persisted in SQLite.
/// Documents are kept in memory as UTF-8 JSON (compact: 100,000 requests fit comfortably) and parsed on read, so
/// every reader gets its own mutable copy. Every mutation runs under one lock and is written through to SQLite in a
/// single transaction before it becomes visible. Filtered list results are cached per query and kept current on
/// every write, so paging through a large collection costs O(page).
/// </summary>
internal sealed class DocumentStore : IDisposable
{
    private const int MaxCachedQueriesPerCollection = 64;

    private readonly Lock _gate = new();
    private readonly StoreDatabase _database;
    private readonly Dictionary<string, Collection> _collections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _counters = new(StringComparer.Ordinal);
    private long _sequence;

    private DocumentStore(StoreDatabase database)
    {
        _database = database;
    }

    /// <summary>Opens (or creates) the store; <paramref name="path"/> null means a private in-memory database.</summary>
    public static DocumentStore Open(string? path)
    {
        var store = new DocumentStore(StoreDatabase.Open(path));
        try
        {
            store.Load();
        }
        catch
        {
            store.Dispose();
            throw;
        }

        return store;
    }

    /// <summary>True when the store holds no documents at all (a fresh database).</summary>
    public bool IsEmpty
    {
        get
        {
            lock (_gate)
            {
                return _collections.Values.All(c => c.Entries.Count == 0);
            }
        }
    }

    /// <summary>A fresh copy of the current document, or null.</summary>
    public JsonObject? Get(string collection, string id)
    {
        lock (_gate)
        {
            return GetUnlocked(collection, id);
        }
    }

    /// <summary>Every document of a (small) collection in insertion order.</summary>
    public IReadOnlyList<JsonObject> All(string collection)
    {
        lock (_gate)
        {
            return [.. AllUnlocked(collection)];
        }
    }

    /// <summary>The documents filed under <paramref name="key"/> in a secondary index, in insertion order.</summary>
    public IReadOnlyList<JsonObject> Find(string collection, string index, string key)
    {
        lock (_gate)
        {
            return [.. FindIdsUnlocked(collection, index, key).Select(id => GetUnlocked(collection, id)!)];
        }
    }

    /// <summary>
    /// One page of a filtered (and optionally sorted) collection plus the total count. The id list of the query is
    /// cached; unsorted queries are kept current on every write, sorted ones are recomputed after a write.
    /// </summary>
    public (int Total, IReadOnlyList<JsonObject> Page) Page(
        string collection, string key, Func<JsonObject, bool> predicate, Func<IEnumerable<JsonObject>, IEnumerable<JsonObject>>? sort,
        int offset, int limit)
    {
        lock (_gate)
        {
            var c = GetOrAdd(collection);
            if (!c.Queries.TryGetValue(key, out var cached))
            {
                cached = Compute(c, predicate, sort);
                if (c.Queries.Count >= MaxCachedQueriesPerCollection)
                {
                    c.Queries.Clear();
                }

                c.Queries[key] = cached;
            }

            var page = new List<JsonObject>();
            for (var i = offset; i < cached.Ids.Count && i < offset + limit; i++)
            {
                page.Add(Parse(c.Entries[cached.Ids[i].Id].Json));
            }

            return (cached.Ids.Count, page);
        }
    }

    /// <summary>
    /// Runs a mutation under the store's single writer lock. Whatever the mutation puts, audits and counts is
    /// committed to SQLite in one transaction and then published; if it throws, nothing changes.
    /// </summary>
    public T Write<T>(Func<StoreWriter, T> mutation)
    {
        lock (_gate)
        {
            var writer = new StoreWriter(this);
            var result = mutation(writer);
            Commit(writer);
            return result;
        }
    }

    /// <summary>The audit log, oldest first, optionally for one object.</summary>
    public IReadOnlyList<AuditEntry> ReadAudit(string? objectId, int limit, int offset, out int total)
    {
        lock (_gate)
        {
            return _database.ReadAudit(objectId, limit, offset, out total);
        }
    }

    /// <summary>Deletes every document, audit entry and counter.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _database.Clear();
            _collections.Clear();
            _counters.Clear();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _database.Dispose();

    internal JsonObject? GetUnlocked(string collection, string id) =>
        _collections.TryGetValue(collection, out var c) && c.Entries.TryGetValue(id, out var entry) ? Parse(entry.Json) : null;

    internal bool ExistsUnlocked(string collection, string id) =>
        _collections.TryGetValue(collection, out var c) && c.Entries.ContainsKey(id);

    internal IEnumerable<JsonObject> AllUnlocked(string collection) =>
        _collections.TryGetValue(collection, out var c) ? c.Entries.Values.Select(e => Parse(e.Json)) : [];

    internal IEnumerable<string> AllIdsUnlocked(string collection) =>
        _collections.TryGetValue(collection, out var c) ? c.Entries.Keys : [];

    internal IEnumerable<string> FindIdsUnlocked(string collection, string index, string key)
    {
        if (!_collections.TryGetValue(collection, out var c) || !c.Indexes.TryGetValue(index, out var byKey)
            || !byKey.TryGetValue(key, out var ids))
        {
            return [];
        }

        return ids.OrderBy(id => c.Entries[id].Seq).ToList();
    }

    internal long SeqUnlocked(string collection, string id) =>
        _collections.TryGetValue(collection, out var c) && c.Entries.TryGetValue(id, out var e) ? e.Seq : long.MaxValue;

    internal long CounterUnlocked(string name) => _counters.TryGetValue(name, out var v) ? v : 0;

    private static JsonObject Parse(byte[] json) => JsonNode.Parse(json)!.AsObject();

    private static CachedQuery Compute(Collection c, Func<JsonObject, bool> predicate, Func<IEnumerable<JsonObject>, IEnumerable<JsonObject>>? sort)
    {
        var matching = new List<(long Seq, string Id, JsonObject Doc)>();
        foreach (var (id, entry) in c.Entries)
        {
            var doc = Parse(entry.Json);
            if (predicate(doc))
            {
                matching.Add((entry.Seq, id, doc));
            }
        }

        if (sort is null)
        {
            return new CachedQuery(predicate, Sorted: false, [.. matching.Select(m => (m.Seq, m.Id))]);
        }

        var seqOf = matching.ToDictionary(m => (object)m.Doc, m => (m.Seq, m.Id), ReferenceEqualityComparer.Instance);
        return new CachedQuery(predicate, Sorted: true, [.. sort(matching.Select(m => m.Doc)).Select(d =>
            seqOf.TryGetValue(d, out var known) ? known : (c.Entries[Json.Id(d)].Seq, Json.Id(d)))]);
    }

    private Collection GetOrAdd(string name)
    {
        if (!_collections.TryGetValue(name, out var c))
        {
            c = new Collection(Indexes.For(name));
            _collections[name] = c;
        }

        return c;
    }

    private void Load()
    {
        foreach (var row in _database.ReadDocuments())
        {
            var c = GetOrAdd(row.Collection);
            var keys = c.IndexDefinitions.Length == 0 ? []
                : row.Keys is null ? KeysOf(c, Parse(row.Json))
                : DecodeKeys(row.Keys);
            Publish(c, row.Id, row.Seq, row.Json, keys);
            _sequence = Math.Max(_sequence, row.Seq);
        }

        foreach (var (name, value) in _database.ReadCounters())
        {
            _counters[name] = value;
        }
    }

    /// <summary>Persists one mutation in one transaction, then publishes it (only after the commit succeeded).</summary>
    private void Commit(StoreWriter writer)
    {
        if (writer.Puts.Count == 0 && writer.Sealed.Count == 0 && writer.Audits.Count == 0 && writer.Counters.Count == 0)
        {
            return;
        }

        var next = _sequence;
        var prepared = Prepare(writer, ref next);
        _database.Save([.. prepared.Select(p => p.Row)], writer.Audits, writer.Counters);

        _sequence = next;
        foreach (var (c, row, pending, keys) in prepared)
        {
            Publish(c, row.Id, row.Seq, row.Json, keys);
            if (c.Queries.Count > 0)
            {
                UpdateQueries(c, row.Id, row.Seq, pending ?? Parse(row.Json));
            }
        }

        foreach (var (name, value) in writer.Counters)
        {
            _counters[name] = value;
        }
    }

    /// <summary>The rows a mutation writes: new documents take the next sequence numbers, updated ones keep theirs.</summary>
    private List<(Collection C, StoredRow Row, JsonObject? Doc, (string Index, string Key)[] Keys)> Prepare(StoreWriter writer, ref long next)
    {
        var prepared = new List<(Collection, StoredRow, JsonObject?, (string, string)[])>(writer.Puts.Count + writer.Sealed.Count);
        foreach (var ((collection, id), doc) in writer.Puts)
        {
            var c = GetOrAdd(collection);
            var seq = c.Entries.TryGetValue(id, out var existing) ? existing.Seq : ++next;
            var keys = KeysOf(c, doc);
            var status = (doc["status"] as JsonValue)?.ToString();
            prepared.Add((c, new StoredRow(collection, id, seq, status, Json.WriteUtf8(doc), EncodeKeys(keys)), doc, keys));
        }

        foreach (var ((collection, id), (json, status, keys)) in writer.Sealed)
        {
            var c = GetOrAdd(collection);
            var seq = c.Entries.TryGetValue(id, out var existing) ? existing.Seq : ++next;
            prepared.Add((c, new StoredRow(collection, id, seq, status, json, EncodeKeys(keys)), null, keys));
        }

        return prepared;
    }

    // Index keys are stored with each row so that opening a large database needs no JSON parsing.
    private static string EncodeKeys((string Index, string Key)[] keys) =>
        keys.Length == 0 ? string.Empty : string.Join('\u001E', keys.Select(k => k.Index + '\u001F' + k.Key));

    private static (string Index, string Key)[] DecodeKeys(string text) =>
        text.Length == 0 ? [] : [.. text.Split('\u001E').Select(k => k.Split('\u001F', 2)).Select(p => (p[0], p[1]))];

    private static (string Index, string Key)[] KeysOf(Collection c, JsonObject doc) =>
        [.. c.IndexDefinitions.SelectMany(i => i.Keys(doc).Select(k => (i.Name, k)))];

    private static void Publish(Collection c, string id, long seq, byte[] json, (string Index, string Key)[] keys)
    {
        if (c.Entries.TryGetValue(id, out var old))
        {
            foreach (var (index, key) in old.Keys)
            {
                if (c.Indexes[index].TryGetValue(key, out var set))
                {
                    set.Remove(id);
                }
            }
        }

        foreach (var (index, key) in keys)
        {
            if (!c.Indexes[index].TryGetValue(key, out var set))
            {
                set = new HashSet<string>(StringComparer.Ordinal);
                c.Indexes[index][key] = set;
            }

            set.Add(id);
        }

        c.Entries[id] = new Entry(seq, json, keys);
    }

    // Keeps cached unsorted results current (insert/remove by sequence); sorted results are dropped.
    private static void UpdateQueries(Collection c, string id, long seq, JsonObject doc)
    {
        List<string>? drop = null;
        foreach (var (key, query) in c.Queries)
        {
            if (query.Sorted)
            {
                (drop ??= []).Add(key);
                continue;
            }

            var position = query.Ids.BinarySearch((seq, id), SeqComparer.Instance);
            var matches = query.Predicate(doc);
            if (position >= 0 && !matches)
            {
                query.Ids.RemoveAt(position);
            }
            else if (position < 0 && matches)
            {
                query.Ids.Insert(~position, (seq, id));
            }
        }

        foreach (var key in drop ?? [])
        {
            c.Queries.Remove(key);
        }
    }

    private sealed record Entry(long Seq, byte[] Json, (string Index, string Key)[] Keys);

    private sealed class Collection
    {
        public Collection((string Name, Func<JsonObject, IEnumerable<string>> Keys)[] indexes)
        {
            IndexDefinitions = indexes;
            foreach (var (name, _) in indexes)
            {
                Indexes[name] = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            }
        }

        public Dictionary<string, Entry> Entries { get; } = new(StringComparer.Ordinal);

        public (string Name, Func<JsonObject, IEnumerable<string>> Keys)[] IndexDefinitions { get; }

        public Dictionary<string, Dictionary<string, HashSet<string>>> Indexes { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, CachedQuery> Queries { get; } = new(StringComparer.Ordinal);
    }

    private sealed record CachedQuery(Func<JsonObject, bool> Predicate, bool Sorted, List<(long Seq, string Id)> Ids);

    private sealed class SeqComparer : IComparer<(long Seq, string Id)>
    {
        public static readonly SeqComparer Instance = new();

        public int Compare((long Seq, string Id) x, (long Seq, string Id) y) => x.Seq.CompareTo(y.Seq);
    }
}

/// <summary>One state transition in the audit log.</summary>
internal sealed record AuditEntry(
    long Seq, string ObjectId, string Collection, string? FromStatus, string ToStatus, string Action, string At, string? ApiKeyId);
