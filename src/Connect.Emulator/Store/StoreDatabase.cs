using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Connect.Emulator.Store;

/// <summary>One document row as SQLite keeps it: the index keys are stored with it so that opening needs no JSON parsing.</summary>
internal readonly record struct StoredRow(string Collection, string Id, long Seq, string? Status, byte[] Json, string? Keys);

/// <summary>
/// The SQLite side of the <see cref="DocumentStore"/>: the schema, loading at start, writing one mutation's rows,
/// audit entries and counters in a single transaction, and reading the audit log. Not thread-safe: the store calls
/// it under its lock.
/// </summary>
internal sealed class StoreDatabase : IDisposable
{
    private const string UpsertDocument = """
        INSERT INTO documents (collection, id, seq, status, json, keys) VALUES ($c, $id, $seq, $status, $json, $keys)
        ON CONFLICT (collection, id) DO UPDATE SET status = excluded.status, json = excluded.json, keys = excluded.keys
        """;

    private const string InsertAudit = """
        INSERT INTO audit (object_id, collection, from_status, to_status, action, at, api_key_id)
        VALUES ($o, $c, $f, $t, $a, $at, $k)
        """;

    private const string UpsertCounter =
        "INSERT INTO counters (name, value) VALUES ($n, $v) ON CONFLICT (name) DO UPDATE SET value = excluded.value";

    private readonly SqliteConnection _connection;

    private StoreDatabase(SqliteConnection connection)
    {
        _connection = connection;
    }

    /// <summary>Opens (or creates) the database; <paramref name="path"/> null means a private in-memory database.</summary>
    public static StoreDatabase Open(string? path)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = string.IsNullOrEmpty(path) ? ":memory:" : path,
            Mode = string.IsNullOrEmpty(path) ? SqliteOpenMode.Memory : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        };
        var connection = new SqliteConnection(builder.ConnectionString);
        connection.Open();
        var database = new StoreDatabase(connection);
        try
        {
            database.CreateSchema(persistent: !string.IsNullOrEmpty(path));
        }
        catch
        {
            database.Dispose();
            throw;
        }

        return database;
    }

    /// <summary>Every stored document, in sequence order.</summary>
    public IEnumerable<StoredRow> ReadDocuments()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT collection, id, seq, json, keys FROM documents ORDER BY seq";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new StoredRow(
                reader.GetString(0), reader.GetString(1), reader.GetInt64(2), null, reader.GetFieldValue<byte[]>(3),
                reader.IsDBNull(4) ? null : reader.GetString(4));
        }
    }

    /// <summary>Every id counter.</summary>
    public IEnumerable<(string Name, long Value)> ReadCounters()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT name, value FROM counters";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return (reader.GetString(0), reader.GetInt64(1));
        }
    }

    /// <summary>Writes one mutation's documents, audit entries and counters in one transaction.</summary>
    public void Save(IReadOnlyList<StoredRow> rows, IReadOnlyList<AuditEntry> audits, IReadOnlyDictionary<string, long> counters)
    {
        using var transaction = _connection.BeginTransaction();
        SaveDocuments(transaction, rows);
        SaveAudits(transaction, audits);
        SaveCounters(transaction, counters);
        transaction.Commit();
    }

    /// <summary>The audit log, oldest first, optionally for one object.</summary>
    public IReadOnlyList<AuditEntry> ReadAudit(string? objectId, int limit, int offset, out int total)
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

    /// <summary>Deletes every document, audit entry and counter.</summary>
    public void Clear()
    {
        using var transaction = _connection.BeginTransaction();
        using (var command = _connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM documents; DELETE FROM audit; DELETE FROM counters;";
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private void SaveDocuments(SqliteTransaction transaction, IReadOnlyList<StoredRow> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        using var put = _connection.CreateCommand();
        put.Transaction = transaction;
        put.CommandText = UpsertDocument;
        var pc = put.Parameters.Add("$c", SqliteType.Text);
        var pid = put.Parameters.Add("$id", SqliteType.Text);
        var pseq = put.Parameters.Add("$seq", SqliteType.Integer);
        var pstatus = put.Parameters.Add("$status", SqliteType.Text);
        var pjson = put.Parameters.Add("$json", SqliteType.Blob);
        var pkeys = put.Parameters.Add("$keys", SqliteType.Text);
        put.Prepare();
        foreach (var row in rows)
        {
            pc.Value = row.Collection;
            pid.Value = row.Id;
            pseq.Value = row.Seq;
            pstatus.Value = (object?)row.Status ?? DBNull.Value;
            pjson.Value = row.Json;
            pkeys.Value = row.Keys ?? string.Empty;
            put.ExecuteNonQuery();
        }
    }

    private void SaveAudits(SqliteTransaction transaction, IReadOnlyList<AuditEntry> audits)
    {
        if (audits.Count == 0)
        {
            return;
        }

        using var audit = _connection.CreateCommand();
        audit.Transaction = transaction;
        audit.CommandText = InsertAudit;
        var ao = audit.Parameters.Add("$o", SqliteType.Text);
        var ac = audit.Parameters.Add("$c", SqliteType.Text);
        var af = audit.Parameters.Add("$f", SqliteType.Text);
        var at = audit.Parameters.Add("$t", SqliteType.Text);
        var aa = audit.Parameters.Add("$a", SqliteType.Text);
        var aat = audit.Parameters.Add("$at", SqliteType.Text);
        var ak = audit.Parameters.Add("$k", SqliteType.Text);
        audit.Prepare();
        foreach (var entry in audits)
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

    private void SaveCounters(SqliteTransaction transaction, IReadOnlyDictionary<string, long> counters)
    {
        if (counters.Count == 0)
        {
            return;
        }

        using var counter = _connection.CreateCommand();
        counter.Transaction = transaction;
        counter.CommandText = UpsertCounter;
        var cn = counter.Parameters.Add("$n", SqliteType.Text);
        var cv = counter.Parameters.Add("$v", SqliteType.Integer);
        counter.Prepare();
        foreach (var (name, value) in counters)
        {
            cn.Value = name;
            cv.Value = value;
            counter.ExecuteNonQuery();
        }
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
}
