using Connect.Sdk;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Automation;

/// <summary>
/// What the engine needs to know about one kind of item: how it is listed, named and logged, which outcomes it accepts
/// and how they are carried out on Connect. One sealed subclass per kind; the engine holds all the behaviour they share.
/// </summary>
/// <typeparam name="TItem">The kind of item.</typeparam>
internal abstract class ItemKind<TItem>
    where TItem : class
{
    /// <summary>Name used in logs (the Python connect-sdk's class name).</summary>
    public abstract string Name { get; }

    /// <summary>Whether items of this kind have a conversation.</summary>
    public virtual bool HasConversation => false;

    /// <summary>The default filters: e.g. <c>status=pending</c> and the products.</summary>
    public abstract Query DefaultFilters(IReadOnlyList<string> products);

    public abstract IAsyncEnumerable<TItem> ListAsync(ConnectClient client, Query query, CancellationToken cancellationToken);

    public abstract string IdOf(TItem item);

    public abstract string? StatusOf(TItem item);

    public abstract string TypeOf(TItem item);

    public abstract ItemScope ScopeOf(TItem item);

    public virtual Func<IEnumerable<Param>, string?, CancellationToken, Task>? ParameterUpdater(ConnectClient client, string id) => null;

    /// <summary>The item's parameters as listed (what a parameter update is compared with); null when it has none.</summary>
    public virtual IEnumerable<Param>? ParamsOf(TItem item) => null;

    /// <summary>
    /// Items with the same key are never in a handler at the same time and are handled in the order they are listed
    /// (creation order with the default filters); <see langword="null"/>: no constraint.
    /// </summary>
    public virtual string? OrderKeyOf(TItem item) => null;

    /// <summary>Whether to skip the item without calling the handler (a purchase that needs migration).</summary>
    public virtual bool SkipBeforeHandler(TItem item, AutomationOptions options) => false;

    public abstract bool Supports(ProcessAction action);

    /// <summary>Status the item has once <paramref name="action"/> went through.</summary>
    public abstract string TargetStatus(ProcessAction action);

    /// <summary>Carries out the result on Connect.</summary>
    public abstract Task ExecuteAsync(ConnectClient client, string id, ProcessResult result, ItemContext context, CancellationToken cancellationToken);

    /// <summary>Reads the item's current status (after an ambiguous or refused call).</summary>
    public abstract Task<string?> ReadStatusAsync(ConnectClient client, string id, CancellationToken cancellationToken);

    /// <summary>The query listing this kind's items of <paramref name="products"/> in <paramref name="status"/>.</summary>
    private protected static Query Filter(string productField, IReadOnlyList<string> products, string status)
    {
        var query = new Query();
        if (products.Count > 0)
        {
            query.In(productField, products);
        }

        return query.Equal("status", status);
    }
}
