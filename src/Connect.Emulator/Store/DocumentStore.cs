using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Connect.Emulator.Store;

/// <summary>
/// The emulator's state: JSON documents per collection, an audit log and id counters, persisted in SQLite.
/// Reads come from an in-memory copy of the parsed documents; every mutation runs under one lock and is written
/// through to SQLite in a single transaction before it becomes visible. Published documents are never mutated
/// (writers clone, change and replace), so readers can use them without locking.
/// </summary>
internal sealed class DocumentStore : IDisposable
{
    private const int MaxCachedQueries = 512;

    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, Collection> _collections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _counters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Collection, string Scope, string Key), CachedQuery> _queryCache = new();
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
                return _collections.Values.All(c => c.Documents.Count == 0);
            }
        }
    }

    /// <summary>The current document, or null. The returned node must not be mutated.</summary>
    public JsonObject? Get(string collection, string id)
    {
        lock (_gate)
        {
            return _collections.TryGetValue(collection, out var c) && c.Documents.TryGetValue(id, out var doc) ? doc : null;
        }
    }

    /// <summary>Looks a document up through a secondary index (see <see cref="IndexedField"/>).</summary>
    public JsonObject? GetByIndex(string collection, string value)
    {
        lock (_gate)
        {
            if (_collections.TryGetValue(collection, out var c) && c.Index.TryGetValue(value, out var id))
            {
                return c.Documents[id];
            }

            return null;
        }
    }

    /// <summary>All documents of a collection in insertion order, with the collection version they belong to.</summary>
    public CollectionSnapshot Snapshot(string collection)
    {
        lock (_gate)
        {
            var c = GetOrAdd(collection);
            c.Snapshot ??= [.. c.Documents.Values];
            return new CollectionSnapshot(c.Version, c.Snapshot);
        }
    }

    /// <summary>
    /// Returns the filtered and sorted document list for a query, computing it once per collection version.
    /// Paging through a large collection with the same query is then O(page).
    /// </summary>
    public IReadOnlyList<JsonObject> Query(
        string collection, string scope, string key, Func<IReadOnlyList<JsonObject>, IReadOnlyList<JsonObject>> compute)
    {
        var snapshot = Snapshot(collection);
        var cacheKey = (collection, scope, key);
        if (_queryCache.TryGetValue(cacheKey, out var cached) && cached.Version == snapshot.Version)
        {
            return cached.Documents;
        }

        var result = compute(snapshot.Documents);
        if (_queryCache.Count >= MaxCachedQueries)
        {
            _queryCache.Clear();
        }

        _queryCache[cacheKey] = new CachedQuery(snapshot.Version, result);
        return result;
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
            count.CommandText = objectId is null
                ? "SELECT COUNT(*) FROM audit"
                : "SELECT COUNT(*) FROM audit WHERE object_id = $id";
            count.Parameters.AddWithValue("$id", (object?)objectId ?? DBNull.Value);
            total = Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);

            using var command = _connection.CreateCommand();
            command.CommandText = (objectId is null
                ? "SELECT seq, object_id, collection, from_status, to_status, action, at, api_key_id FROM audit"
                : "SELECT seq, object_id, collection, from_status, to_status, action, at, api_key_id FROM audit WHERE object_id = $id")
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
            foreach (var c in _collections.Values)
            {
                c.Documents.Clear();
                c.Index.Clear();
                c.Snapshot = null;
                c.Version++;
            }

            _counters.Clear();
            _queryCache.Clear();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    internal JsonObject? GetUnlocked(string collection, string id) =>
        _collections.TryGetValue(collection, out var c) && c.Documents.TryGetValue(id, out var doc) ? doc : null;

    internal JsonObject? GetByIndexUnlocked(string collection, string value) =>
        _collections.TryGetValue(collection, out var c) && c.Index.TryGetValue(value, out var id) ? c.Documents[id] : null;

    internal IEnumerable<JsonObject> AllUnlocked(string collection) =>
        _collections.TryGetValue(collection, out var c) ? c.Documents.Values : [];

    internal long CounterUnlocked(string name) => _counters.TryGetValue(name, out var v) ? v : 0;

    /// <summary>The field a collection is indexed by, for <see cref="GetByIndex"/>.</summary>
    internal static string? IndexedField(string collection) =>
        collection == Collections.Conversations ? "instance_id" : null;

    private Collection GetOrAdd(string name)
    {
        if (!_collections.TryGetValue(name, out var c))
        {
            c = new Collection(IndexedField(name));
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
                json TEXT NOT NULL,
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
            command.CommandText = "SELECT collection, id, seq, json FROM documents ORDER BY seq";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var doc = JsonNode.Parse(reader.GetString(3))!.AsObject();
                Freeze(doc);
                var c = GetOrAdd(reader.GetString(0));
                var id = reader.GetString(1);
                c.Documents[id] = doc;
                c.Seq[id] = reader.GetInt64(2);
                if (c.IndexField is not null && doc[c.IndexField]?.GetValue<string>() is { } indexValue)
                {
                    c.Index[indexValue] = id;
                }

                _sequence = Math.Max(_sequence, reader.GetInt64(2));
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
        if (writer.Puts.Count == 0 && writer.Audits.Count == 0 && writer.Counters.Count == 0)
        {
            return;
        }

        var sequences = new Dictionary<(string, string), long>();
        using (var transaction = _connection.BeginTransaction())
        {
            using var put = _connection.CreateCommand();
            put.Transaction = transaction;
            put.CommandText = """
                INSERT INTO documents (collection, id, seq, status, json) VALUES ($c, $id, $seq, $status, $json)
                ON CONFLICT (collection, id) DO UPDATE SET status = excluded.status, json = excluded.json
                """;
            var pc = put.Parameters.Add("$c", SqliteType.Text);
            var pid = put.Parameters.Add("$id", SqliteType.Text);
            var pseq = put.Parameters.Add("$seq", SqliteType.Integer);
            var pstatus = put.Parameters.Add("$status", SqliteType.Text);
            var pjson = put.Parameters.Add("$json", SqliteType.Text);
            put.Prepare();
            foreach (var ((collection, id), doc) in writer.Puts)
            {
                var c = GetOrAdd(collection);
                var seq = c.Seq.TryGetValue(id, out var existing) ? existing : ++_sequence;
                sequences[(collection, id)] = seq;
                pc.Value = collection;
                pid.Value = id;
                pseq.Value = seq;
                pstatus.Value = (object?)(doc["status"] as JsonValue)?.ToString() ?? DBNull.Value;
                pjson.Value = Domain.Json.Write(doc);
                put.ExecuteNonQuery();
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
        var touched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ((collection, id), doc) in writer.Puts)
        {
            Freeze(doc);
            var c = GetOrAdd(collection);
            c.Documents[id] = doc;
            c.Seq[id] = sequences[(collection, id)];
            if (c.IndexField is not null && doc[c.IndexField]?.GetValue<string>() is { } indexValue)
            {
                c.Index[indexValue] = id;
            }

            touched.Add(collection);
        }

        foreach (var name in touched)
        {
            var c = _collections[name];
            c.Version++;
            c.Snapshot = null;
        }

        foreach (var (name, value) in writer.Counters)
        {
            _counters[name] = value;
        }
    }

    // JsonObject materialises its property table lazily on first access, which is not thread-safe; walking the
    // tree once before publishing makes later concurrent reads safe.
    private static void Freeze(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Freeze(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Freeze(child);
                }

                break;
        }
    }

    private sealed class Collection(string? indexField)
    {
        public Dictionary<string, JsonObject> Documents { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, long> Seq { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Index { get; } = new(StringComparer.Ordinal);

        public string? IndexField { get; } = indexField;

        public long Version { get; set; }

        public JsonObject[]? Snapshot { get; set; }
    }

    private sealed record CachedQuery(long Version, IReadOnlyList<JsonObject> Documents);
}

/// <summary>A consistent view of one collection.</summary>
internal sealed record CollectionSnapshot(long Version, IReadOnlyList<JsonObject> Documents);

/// <summary>One state transition in the audit log.</summary>
internal sealed record AuditEntry(
    long Seq, string ObjectId, string Collection, string? FromStatus, string ToStatus, string Action, string At, string? ApiKeyId);
