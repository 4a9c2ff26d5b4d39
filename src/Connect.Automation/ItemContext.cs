using Connect.Sdk;
using Connect.Sdk.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Connect.Automation;

/// <summary>
/// What a handler gets besides its item: the client, the item's logger, the item's service scope and the helpers scoped
/// to the item (the Python connect-sdk's <c>update_parameters</c>, template render, <c>get_tier_config</c>, conversation). Created by the
/// engine for each item and passed to <see cref="IRequestHandler{TItem}.HandleAsync"/>; valid while the handler runs.
/// The one context of the automation engines and the processor: the processor adds its helpers as extension methods.
/// </summary>
public sealed class ItemContext
{
    private readonly Func<IEnumerable<Param>, string?, CancellationToken, Task>? _updateParameters;
    private readonly int _maxNoteLength;
    private Conversation? _conversation;

    /// <summary>
    /// Creates a context outside an engine run: for a handler's unit test, or a component that is not an item engine
    /// (the processor's usage report). The helpers follow the id: <c>PR-...</c> updates request parameters and has a
    /// conversation, <c>TCR-...</c> likewise for tier config requests; any other id has neither.
    /// </summary>
    /// <param name="client">Connect client.</param>
    /// <param name="itemId">Item id.</param>
    /// <param name="itemType">Item type (request type, <c>usage_file</c>, ...).</param>
    /// <param name="logger">Logger; nothing is logged when <see langword="null"/>.</param>
    /// <param name="services">The item's services; none when <see langword="null"/>.</param>
    public ItemContext(ConnectClient client, string itemId, string itemType, ILogger? logger = null, IServiceProvider? services = null)
        : this(
            client ?? throw new ArgumentNullException(nameof(client)), logger ?? NullLogger.Instance, services ?? NoServices.Instance,
            itemId, itemType, AutomationOptions.DefaultMaxNoteLength, UpdaterFor(client, itemId), HasConversationFor(itemId))
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(itemId);
        ArgumentNullException.ThrowIfNull(itemType);
    }

    internal ItemContext(
        ConnectClient client, ILogger logger, IServiceProvider services, string itemId, string itemType, int maxNoteLength,
        Func<IEnumerable<Param>, string?, CancellationToken, Task>? updateParameters, bool hasConversation)
    {
        Client = client;
        Logger = logger;
        Services = services;
        ItemId = itemId;
        ItemType = itemType;
        _maxNoteLength = maxNoteLength;
        _updateParameters = updateParameters;
        HasConversation = hasConversation;
    }

    /// <summary>The client the engine uses.</summary>
    public ConnectClient Client { get; }

    /// <summary>
    /// The item's logger: every entry carries the item's scope; Debug and Trace entries are kept and written only if
    /// the item fails.
    /// </summary>
    public ILogger Logger { get; }

    /// <summary>
    /// The item's services: a scope created for this item when the engine runs with dependency injection (the handler was
    /// resolved from it), else a provider that holds no service.
    /// </summary>
    public IServiceProvider Services { get; }

    /// <summary>Id of the item (<c>PR-...</c>, <c>TCR-...</c>, <c>UF-...</c>, <c>LST-...</c>).</summary>
    public string ItemId { get; }

    /// <summary>
    /// A stable key for what the handler does outside Connect: the item id, the same in every replica and on every retry.
    /// Pass it on to the vendor API with calls that create something (an <c>Idempotency-Key</c> header, an external
    /// reference, a client order id), so that a second call for the same request (by a replica that took over from one
    /// that died after its vendor call, or by the next run after an approve that failed) finds the first call's result
    /// instead of creating a second subscription. Processor leases keep such calls rare; this key makes them harmless.
    /// </summary>
    public string IdempotencyKey => ItemId;

    /// <summary>Type of the item (request type, TCR type, <c>usage_file</c>, <c>listing</c>).</summary>
    public string ItemType { get; }

    /// <summary>Whether the item has a conversation (requests and tier config requests do).</summary>
    public bool HasConversation { get; }

    /// <summary>
    /// Updates parameter values (and <c>value_error</c>s) of the request, and optionally its note:
    /// <c>PUT /requests/{id}</c> or <c>PUT /tier/config-requests/{id}</c>.
    /// </summary>
    /// <param name="params">Parameters to change (id and values are sent).</param>
    /// <param name="note">Optional note.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    /// <exception cref="InvalidOperationException">The item has no parameters (usage files, listings).</exception>
    public Task UpdateParametersAsync(IEnumerable<Param> @params, string? note = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(@params);
        return _updateParameters is null
            ? throw new InvalidOperationException($"{ItemId} ({ItemType}) has no parameters to update.")
            : _updateParameters(@params, note, cancellationToken);
    }

    /// <summary>Renders a template for this request: <c>GET /templates/{id}/render?request_id=...</c>.</summary>
    /// <param name="templateId">Template id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rendered Markdown (usable with <see cref="ProcessResult.ApproveWithTile"/>).</returns>
    public Task<string> RenderTemplateAsync(string templateId, CancellationToken cancellationToken = default) =>
        Client.Templates.RenderAsync(templateId, ItemId, cancellationToken);

    /// <summary>The tier config of a tier account for a product (the Python connect-sdk's <c>get_tier_config</c>), or <see langword="null"/>.</summary>
    /// <param name="tierAccountId">Tier account id (<c>TA-...</c>).</param>
    /// <param name="productId">Product id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tier config or <see langword="null"/>.</returns>
    public Task<TierConfig?> GetTierConfigAsync(string tierAccountId, string productId, CancellationToken cancellationToken = default) =>
        Client.TierConfigs.GetAsync(tierAccountId, productId, cancellationToken);

    /// <summary>The item's conversation, fetched once and cached (<c>GET /conversations?instance_id=...</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The conversation, or <see langword="null"/> when there is none.</returns>
    public async Task<Conversation?> GetConversationAsync(CancellationToken cancellationToken = default)
    {
        if (!HasConversation)
        {
            return null;
        }

        _conversation ??= await Client.Conversations.GetByInstanceIdAsync(ItemId, cancellationToken).ConfigureAwait(false);
        return _conversation;
    }

    /// <summary>
    /// Posts a message to the item's conversation, cut to <see cref="AutomationOptions.MaxNoteLength"/> characters
    /// (ending with an ellipsis when cut).
    /// </summary>
    /// <param name="text">Message text.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The posted message, or <see langword="null"/> when the item has no conversation.</returns>
    public async Task<ConversationMessage?> AddNoteAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var conversation = await GetConversationAsync(cancellationToken).ConfigureAwait(false);
        if (conversation?.Id is not { } conversationId)
        {
            Log.NoConversation(Logger, ItemId);
            return null;
        }

        var message = await Client.Conversations.AddMessageAsync(conversationId, Truncate(text), cancellationToken).ConfigureAwait(false);
        Log.MessagePosted(Logger, ItemId, conversationId);
        return message;
    }

    /// <summary>
    /// Posts a message unless it is already the last message of the conversation (so a skip repeated on every run
    /// writes it once).
    /// </summary>
    internal async Task<bool> AddNoteOnceAsync(string text, CancellationToken cancellationToken)
    {
        var conversation = await GetConversationAsync(cancellationToken).ConfigureAwait(false);
        if (conversation?.Id is not { } conversationId)
        {
            Log.NoConversation(Logger, ItemId);
            return false;
        }

        var truncated = Truncate(text);
        ConversationMessage? last = null;
        await foreach (var message in Client.Conversations.ListMessagesAsync(conversationId, null, cancellationToken).ConfigureAwait(false))
        {
            // The newest message: the latest creation time, and the later position when times tie.
            if (last is null || (message.Created ?? DateTimeOffset.MinValue) >= (last.Created ?? DateTimeOffset.MinValue))
            {
                last = message;
            }
        }

        if (last is not null && string.Equals(last.Text, truncated, StringComparison.Ordinal))
        {
            Log.SkipMessageKept(Logger, ItemId);
            return false;
        }

        await Client.Conversations.AddMessageAsync(conversationId, truncated, cancellationToken).ConfigureAwait(false);
        Log.MessagePosted(Logger, ItemId, conversationId);
        return true;
    }

    private static bool HasConversationFor(string? itemId) =>
        itemId is not null && (itemId.StartsWith("PR-", StringComparison.Ordinal) || itemId.StartsWith("TCR-", StringComparison.Ordinal));

    private static Func<IEnumerable<Param>, string?, CancellationToken, Task>? UpdaterFor(ConnectClient? client, string? itemId) =>
        client is null || itemId is null ? null
        : itemId.StartsWith("PR-", StringComparison.Ordinal) ? new FulfillmentKind().ParameterUpdater(client, itemId)
        : itemId.StartsWith("TCR-", StringComparison.Ordinal) ? new TierConfigKind().ParameterUpdater(client, itemId)
        : null;

    internal string Truncate(string text) =>
        text.Length <= _maxNoteLength ? text : string.Concat(text.AsSpan(0, _maxNoteLength - 1), "\u2026");
}
