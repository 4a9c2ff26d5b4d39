using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
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
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, Collection> _collections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _counters = new(StringComparer.Ordinal);
    private long _sequence;

    private DocumentStore(SqliteConnection connection)
    {
        _connection = connection;
    }

    /// <summary>Opens (or creates) the store; <paramref name="path"/> null means a private in-memory database.</summary>
    public static DocumentStore Open(string? path)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = string.IsNullOrEmpty(path) ? ":memory:" : path,
            Mode = string.IsNullOrEmpty(path) ? SqliteOpenMode.Memory : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        };
        var connection = new SqliteConnection(builder.ConnectionString);
        connection.Open();
        var store = new DocumentStore(connection);
        try
        {
            store.CreateSchema(persistent: !string.IsNullOrEmpty(path));
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
            using var count = _connection.CreateCommand();
            count.CommandText = objectId is null ? "SELECT COUNT(*) FROM audit" : "SELECT COUNT(*) FROM audit WHERE object_id = $id";
            count.Parameters.AddWithValue("$id", (object?)objectId ?? DBNull.Value);
            total = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);

            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT seq, object_id, collection, from_status, to_status, action, at, api_key_id FROM audit"
                + (objectId is null ? string.Empty : " WHERE object_id = $id")
                + " ORDER BY seq LIMIT $limit OFFSET $offset";
            command.Parameters.AddWithValue("$id", (object?)objectId ?? DBNull.Value);
            command.Parameters.AddWithValue("$limit", limit);
            command.Parameters.AddWithValue("$offset", offset);
            using var reader = command.ExecuteReader();
            var entries = new List<AuditEntry>();
            while (reader.Read())
            {
                entries.Add(new AuditEntry(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.GetString(4),
                    reader.GetString(5),
                    reader.GetString(6),
                    reader.IsDBNull(7) ? null : reader.GetString(7)));
            }

            return entries;
        }
    }

    /// <summary>Deletes every document, audit entry and counter.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            using (var command = _connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = "DELETE FROM documents; DELETE FROM audit; DELETE FROM counters;";
                command.ExecuteNonQuery();
            }

            transaction.Commit();
            _collections.Clear();
            _counters.Clear();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

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

    private void CreateSchema(bool persistent)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = (persistent ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;" : string.Empty) + """
            CREATE TABLE IF NOT EXISTS documents (
                collection TEXT NOT NULL,
                id TEXT NOT NULL,
                seq INTEGER NOT NULL,
                status TEXT,
                json BLOB NOT NULL,
                keys TEXT,
                PRIMARY KEY (collection, id));
            CREATE INDEX IF NOT EXISTS documents_seq ON documents (seq);
            CREATE TABLE IF NOT EXISTS audit (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                object_id TEXT NOT NULL,
                collection TEXT NOT NULL,
                from_status TEXT,
                to_status TEXT NOT NULL,
                action TEXT NOT NULL,
                at TEXT NOT NULL,
                api_key_id TEXT);
            CREATE INDEX IF NOT EXISTS audit_object ON audit (object_id);
            CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
            """;
        command.ExecuteNonQuery();
    }

    private void Load()
    {
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT collection, id, seq, json, keys FROM documents ORDER BY seq";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var c = GetOrAdd(reader.GetString(0));
                var seq = reader.GetInt64(2);
                var json = reader.GetFieldValue<byte[]>(3);
                var keys = c.IndexDefinitions.Length == 0 ? []
                    : reader.IsDBNull(4) ? KeysOf(c, Parse(json))
                    : DecodeKeys(reader.GetString(4));
                Publish(c, reader.GetString(1), seq, json, keys);
                _sequence = Math.Max(_sequence, seq);
            }
        }

        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT name, value FROM counters";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                _counters[reader.GetString(0)] = reader.GetInt64(1);
            }
        }
    }

    private void Commit(StoreWriter writer)
    {
        if (writer.Puts.Count == 0 && writer.Sealed.Count == 0 && writer.Audits.Count == 0 && writer.Counters.Count == 0)
        {
            return;
        }

        var prepared = new List<(Collection C, string Id, long Seq, byte[] Json, JsonObject? Doc, (string Index, string Key)[] Keys)>(
            writer.Puts.Count + writer.Sealed.Count);
        var next = _sequence;
        using (var transaction = _connection.BeginTransaction())
        {
            using var put = _connection.CreateCommand();
            put.Transaction = transaction;
            put.CommandText = """
                INSERT INTO documents (collection, id, seq, status, json, keys) VALUES ($c, $id, $seq, $status, $json, $keys)
                ON CONFLICT (collection, id) DO UPDATE SET status = excluded.status, json = excluded.json, keys = excluded.keys
                """;
            var pc = put.Parameters.Add("$c", SqliteType.Text);
            var pid = put.Parameters.Add("$id", SqliteType.Text);
            var pseq = put.Parameters.Add("$seq", SqliteType.Integer);
            var pstatus = put.Parameters.Add("$status", SqliteType.Text);
            var pjson = put.Parameters.Add("$json", SqliteType.Blob);
            var pkeys = put.Parameters.Add("$keys", SqliteType.Text);
            put.Prepare();
            foreach (var ((collection, id), doc) in writer.Puts)
            {
                var c = GetOrAdd(collection);
                var seq = c.Entries.TryGetValue(id, out var existing) ? existing.Seq : ++next;
                var json = Json.WriteUtf8(doc);
                pc.Value = collection;
                pid.Value = id;
                pseq.Value = seq;
                pstatus.Value = (object?)(doc["status"] as JsonValue)?.ToString() ?? DBNull.Value;
                pjson.Value = json;
                var docKeys = KeysOf(c, doc);
                pkeys.Value = EncodeKeys(docKeys);
                put.ExecuteNonQuery();
                prepared.Add((c, id, seq, json, doc, docKeys));
            }

            foreach (var ((collection, id), (json, status, keys)) in writer.Sealed)
            {
                var c = GetOrAdd(collection);
                var seq = c.Entries.TryGetValue(id, out var existing) ? existing.Seq : ++next;
                pc.Value = collection;
                pid.Value = id;
                pseq.Value = seq;
                pstatus.Value = (object?)status ?? DBNull.Value;
                pjson.Value = json;
                pkeys.Value = EncodeKeys(keys);
                put.ExecuteNonQuery();
                prepared.Add((c, id, seq, json, null, keys));
            }

            if (writer.Audits.Count > 0)
            {
                using var audit = _connection.CreateCommand();
                audit.Transaction = transaction;
                audit.CommandText = """
                    INSERT INTO audit (object_id, collection, from_status, to_status, action, at, api_key_id)
                    VALUES ($o, $c, $f, $t, $a, $at, $k)
                    """;
                var ao = audit.Parameters.Add("$o", SqliteType.Text);
                var ac = audit.Parameters.Add("$c", SqliteType.Text);
                var af = audit.Parameters.Add("$f", SqliteType.Text);
                var at = audit.Parameters.Add("$t", SqliteType.Text);
                var aa = audit.Parameters.Add("$a", SqliteType.Text);
                var aat = audit.Parameters.Add("$at", SqliteType.Text);
                var ak = audit.Parameters.Add("$k", SqliteType.Text);
                audit.Prepare();
                foreach (var entry in writer.Audits)
                {
                    ao.Value = entry.ObjectId;
                    ac.Value = entry.Collection;
                    af.Value = (object?)entry.FromStatus ?? DBNull.Value;
                    at.Value = entry.ToStatus;
                    aa.Value = entry.Action;
                    aat.Value = entry.At;
                    ak.Value = (object?)entry.ApiKeyId ?? DBNull.Value;
                    audit.ExecuteNonQuery();
                }
            }

            if (writer.Counters.Count > 0)
            {
                using var counter = _connection.CreateCommand();
                counter.Transaction = transaction;
                counter.CommandText = "INSERT INTO counters (name, value) VALUES ($n, $v) ON CONFLICT (name) DO UPDATE SET value = excluded.value";
                var cn = counter.Parameters.Add("$n", SqliteType.Text);
                var cv = counter.Parameters.Add("$v", SqliteType.Integer);
                counter.Prepare();
                foreach (var (name, value) in writer.Counters)
                {
                    cn.Value = name;
                    cv.Value = value;
                    counter.ExecuteNonQuery();
                }
            }

            transaction.Commit();
        }

        // Publish only after the commit succeeded.
        _sequence = next;
        foreach (var (c, id, seq, json, pending, keys) in prepared)
        {
            Publish(c, id, seq, json, keys);
            if (c.Queries.Count > 0)
            {
                UpdateQueries(c, id, seq, pending ?? Parse(json));
            }
        }

        foreach (var (name, value) in writer.Counters)
        {
            _counters[name] = value;
        }
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
