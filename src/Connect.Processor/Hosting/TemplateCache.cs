using System.Collections.Concurrent;
using Connect.Sdk;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Processor;

/// <summary>
/// Template ids looked up by name (<c>products/{id}/templates?and(eq(name,...),eq(scope,...))</c>), one API call per
/// product, name and scope for the lifetime of one run (the Python Processor SDK template looks the template up again for every request). One per
/// processor; the processor clears it when a run starts.
/// </summary>
internal sealed class TemplateCache(ConnectClient client)
{
    private readonly ConcurrentDictionary<(string Product, string Name, string Scope), Lazy<Task<string>>> _ids = new();

    private int _lookups;

    public int Lookups => Volatile.Read(ref _lookups);

    /// <summary>Forgets the ids looked up so far (a new run looks them up again).</summary>
    public void Clear() => _ids.Clear();

    public async Task<string> GetIdAsync(string productId, string name, string scope, CancellationToken cancellationToken)
    {
        var lazy = _ids.GetOrAdd((productId, name, scope), key => new Lazy<Task<string>>(() => LookUpAsync(key.Product, key.Name, key.Scope, cancellationToken)));
        try
        {
            return await lazy.Value.ConfigureAwait(false);
        }
        catch
        {
            // A failed lookup is not cached: the next request tries again.
            _ids.TryRemove(new KeyValuePair<(string, string, string), Lazy<Task<string>>>((productId, name, scope), lazy));
            throw;
        }
    }

    private async Task<string> LookUpAsync(string productId, string name, string scope, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _lookups);
        var query = new Query().Where(R.And(R.Field("name").Eq(name), R.Field("scope").Eq(scope))).Limit(1);
        await foreach (var template in client.Products.ListTemplatesAsync(productId, query, cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(template.Name, name, StringComparison.Ordinal) && template.Id is { Length: > 0 } id)
            {
                return id;
            }
        }

        throw new TemplateNotFoundException(productId, name, scope);
    }
}
