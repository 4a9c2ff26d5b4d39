using System.Globalization;
using System.Text;
using Connect.Sdk;
using Connect.Sdk.Models;
using Connect.Sdk.Rql;

namespace Connect.Testing;

/// <summary>
/// Assertions on Connect objects whose failure messages name the object, what was expected and what was found
/// (with the context that usually explains it: a failed request's reason, the parameters a request does have, the
/// messages a conversation holds, an object's status history). They throw <see cref="ConnectAssertionException"/>.
/// </summary>
public static class ConnectAssert
{
    /// <summary>Asserts a fulfillment request's status.</summary>
    /// <param name="request">The request.</param>
    /// <param name="expected">The expected status (see <see cref="RequestStatus"/>).</param>
    /// <exception cref="ConnectAssertionException">The status differs.</exception>
    public static void Status(FulfillmentRequest request, string expected)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Status != expected)
        {
            throw Fail($"Request {request.Id} is {Show(request.Status)}, expected {expected}{Why(request.Reason, request.Note)}.");
        }
    }

    /// <summary>Asserts a fulfillment request's status as the server has it now.</summary>
    /// <param name="client">The client to read it with.</param>
    /// <param name="requestId">The request id.</param>
    /// <param name="expected">The expected status.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The request, for further checks.</returns>
    /// <exception cref="ConnectAssertionException">The status differs.</exception>
    public static async Task<FulfillmentRequest> RequestStatusAsync(ConnectClient client, string requestId, string expected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var request = await client.Requests.GetAsync(requestId, cancellationToken).ConfigureAwait(false);
        Status(request, expected);
        return request;
    }

    /// <summary>Asserts a tier config request's status.</summary>
    /// <param name="request">The tier config request.</param>
    /// <param name="expected">The expected status (see <see cref="TierConfigRequestStatus"/>).</param>
    /// <exception cref="ConnectAssertionException">The status differs.</exception>
    public static void Status(TierConfigRequest request, string expected)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Status != expected)
        {
            throw Fail($"Tier config request {request.Id} is {Show(request.Status)}, expected {expected}{Why(request.Reason, request.Notes)}.");
        }
    }

    /// <summary>Asserts an asset's status.</summary>
    /// <param name="asset">The asset.</param>
    /// <param name="expected">The expected status (see <see cref="AssetStatus"/>).</param>
    /// <exception cref="ConnectAssertionException">The status differs.</exception>
    public static void Status(Asset asset, string expected)
    {
        ArgumentNullException.ThrowIfNull(asset);
        if (asset.Status != expected)
        {
            throw Fail($"Asset {asset.Id} is {Show(asset.Status)}, expected {expected}.");
        }
    }

    /// <summary>Asserts the status of an asset as the server has it now.</summary>
    /// <param name="client">The client to read it with.</param>
    /// <param name="assetId">The asset id.</param>
    /// <param name="expected">The expected status.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The asset.</returns>
    /// <exception cref="ConnectAssertionException">The status differs.</exception>
    public static async Task<Asset> AssetStatusAsync(ConnectClient client, string assetId, string expected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var asset = await client.Assets.GetAsync(assetId, cancellationToken).ConfigureAwait(false);
        Status(asset, expected);
        return asset;
    }

    /// <summary>Asserts the value of a parameter of a request's asset.</summary>
    /// <param name="request">The request.</param>
    /// <param name="parameterId">The parameter id (or name).</param>
    /// <param name="expected">The expected value (<see langword="null"/> and empty are the same).</param>
    /// <exception cref="ConnectAssertionException">The parameter is missing or its value differs.</exception>
    public static void ParameterValue(FulfillmentRequest request, string parameterId, string? expected)
    {
        ArgumentNullException.ThrowIfNull(request);
        ParameterValue($"request {request.Id}", request.Asset?.Params, parameterId, expected);
    }

    /// <summary>Asserts the value of a tier config request's parameter.</summary>
    /// <param name="request">The tier config request.</param>
    /// <param name="parameterId">The parameter id (or name).</param>
    /// <param name="expected">The expected value.</param>
    /// <exception cref="ConnectAssertionException">The parameter is missing or its value differs.</exception>
    public static void ParameterValue(TierConfigRequest request, string parameterId, string? expected)
    {
        ArgumentNullException.ThrowIfNull(request);
        ParameterValue($"tier config request {request.Id}", request.Params, parameterId, expected);
    }

    /// <summary>Asserts the value of an asset's parameter.</summary>
    /// <param name="asset">The asset.</param>
    /// <param name="parameterId">The parameter id (or name).</param>
    /// <param name="expected">The expected value.</param>
    /// <exception cref="ConnectAssertionException">The parameter is missing or its value differs.</exception>
    public static void ParameterValue(Asset asset, string parameterId, string? expected)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ParameterValue($"asset {asset.Id}", asset.Params, parameterId, expected);
    }

    /// <summary>Asserts the error shown to the customer on a parameter (<c>value_error</c>).</summary>
    /// <param name="request">The request.</param>
    /// <param name="parameterId">The parameter id (or name).</param>
    /// <param name="expected">The expected error (<see langword="null"/> and empty both mean "no error").</param>
    /// <exception cref="ConnectAssertionException">The parameter is missing or its error differs.</exception>
    public static void ParameterValueError(FulfillmentRequest request, string parameterId, string? expected)
    {
        ArgumentNullException.ThrowIfNull(request);
        ParameterValueError($"request {request.Id}", request.Asset?.Params, parameterId, expected);
    }

    /// <summary>Asserts the error shown on a tier config request's parameter.</summary>
    /// <param name="request">The tier config request.</param>
    /// <param name="parameterId">The parameter id (or name).</param>
    /// <param name="expected">The expected error.</param>
    /// <exception cref="ConnectAssertionException">The parameter is missing or its error differs.</exception>
    public static void ParameterValueError(TierConfigRequest request, string parameterId, string? expected)
    {
        ArgumentNullException.ThrowIfNull(request);
        ParameterValueError($"tier config request {request.Id}", request.Params, parameterId, expected);
    }

    /// <summary>Asserts that the conversation of a request (or tier config request) has a message containing a text.</summary>
    /// <param name="client">The client to read it with.</param>
    /// <param name="objectId">The request or tier config request id.</param>
    /// <param name="text">The text a message must contain (ordinal, case-sensitive).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The first message that contains it.</returns>
    /// <exception cref="ConnectAssertionException">The object has no conversation, or no message contains the text.</exception>
    public static async Task<ConversationMessage> ConversationContainsAsync(ConnectClient client, string objectId, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(text);
        var conversation = await client.Conversations.GetByInstanceIdAsync(objectId, cancellationToken).ConfigureAwait(false)
            ?? throw Fail($"{objectId} has no conversation, so none of its messages contains \"{text}\".");
        var messages = new List<ConversationMessage>();
        await foreach (var message in client.Conversations.ListMessagesAsync(conversation.Id!, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (message.Text?.Contains(text, StringComparison.Ordinal) == true)
            {
                return message;
            }

            messages.Add(message);
        }

        var list = new StringBuilder();
        foreach (var message in messages)
        {
            list.Append(CultureInfo.InvariantCulture, $"\n  - [{message.Type}] {Shorten(message.Text)}");
        }

        throw Fail(messages.Count == 0
            ? $"The conversation of {objectId} has no messages; expected one containing \"{text}\"."
            : $"No message in the conversation of {objectId} contains \"{text}\". Its {messages.Count} message(s):{list}");
    }

    /// <summary>Asserts a usage file's status.</summary>
    /// <param name="file">The usage file.</param>
    /// <param name="expected">The expected status (see <see cref="UsageFileStatus"/>).</param>
    /// <exception cref="ConnectAssertionException">The status differs.</exception>
    public static void Status(UsageFile file, string expected)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Status != expected)
        {
            var detail = file.Status switch
            {
                UsageFileStatus.Invalid when !string.IsNullOrEmpty(file.ErrorDetail) => $" (error: {file.ErrorDetail})",
                UsageFileStatus.Rejected when !string.IsNullOrEmpty(file.RejectionNote) => $" (rejection note: {file.RejectionNote})",
                _ => string.Empty,
            };
            throw Fail($"Usage file {file.Id} is {Show(file.Status)}{detail}, expected {expected}.");
        }
    }

    /// <summary>Asserts how many usage records a usage file has on the server (<c>GET /usage/records?usagefile.id=</c>).</summary>
    /// <param name="client">The client to count with.</param>
    /// <param name="usageFileId">The usage file id.</param>
    /// <param name="expected">The expected number of records.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>A task that completes when the assertion holds.</returns>
    /// <exception cref="ConnectAssertionException">The count differs.</exception>
    public static async Task UsageRecordCountAsync(ConnectClient client, string usageFileId, int expected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var count = await client.UsageRecords.CountAsync(new Query(R.Field("usagefile.id").Eq(usageFileId)), cancellationToken).ConfigureAwait(false);
        if (count != expected)
        {
            throw Fail($"Usage file {usageFileId} has {count} usage record(s), expected {expected}.");
        }
    }

    /// <summary>Asserts the record counts a usage file reports (<c>records.valid</c> + <c>records.invalid</c>).</summary>
    /// <param name="file">The usage file.</param>
    /// <param name="expected">The expected number of records.</param>
    /// <exception cref="ConnectAssertionException">The count differs.</exception>
    public static void UsageRecordCount(UsageFile file, int expected)
    {
        ArgumentNullException.ThrowIfNull(file);
        var valid = file.Records?.Valid ?? 0;
        var invalid = file.Records?.Invalid ?? 0;
        if (valid + invalid != expected)
        {
            throw Fail($"Usage file {file.Id} has {valid + invalid} usage record(s) ({valid} valid, {invalid} invalid), expected {expected}.");
        }
    }

    /// <summary>
    /// Asserts from the emulator's audit log that an object moved to <paramref name="to"/> exactly once (a processor
    /// that approves twice, or a replica that races another, shows up here).
    /// </summary>
    /// <param name="control">The emulator's control API.</param>
    /// <param name="objectId">The object (<c>PR-...</c>, <c>AS-...</c>, <c>TCR-...</c>, <c>UF-...</c>).</param>
    /// <param name="to">The status.</param>
    /// <param name="from">When given, only moves from this status count.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The one matching entry.</returns>
    /// <exception cref="ConnectAssertionException">The object moved there zero times or more than once.</exception>
    public static async Task<AuditEntry> TransitionedExactlyOnceAsync(EmulatorControl control, string objectId, string to, string? from = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(control);
        var history = await control.AuditAsync(objectId, cancellationToken).ConfigureAwait(false);
        var matches = history.Where(e => e.To == to && (from is null || e.From == from)).ToList();
        if (matches.Count == 1)
        {
            return matches[0];
        }

        var move = from is null ? $"to {to}" : $"from {from} to {to}";
        var times = matches.Count == 0 ? "never" : $"{matches.Count} times";
        var lines = history.Count == 0
            ? " It has no recorded status changes."
            : " Its history:" + string.Concat(history.Select(e => $"\n  {e.Seq}: {e.From ?? "(new)"} -> {e.To} ({e.Action}, key {e.ApiKeyId})"));
        throw Fail($"{objectId} moved {move} {times}, expected exactly once.{lines}");
    }

    private static void ParameterValue(string owner, IList<Param>? parameters, string parameterId, string? expected)
    {
        var param = Find(owner, parameters, parameterId);
        if (!string.Equals(param.Value ?? string.Empty, expected ?? string.Empty, StringComparison.Ordinal))
        {
            throw Fail($"Parameter {parameterId} of {owner} is {Quote(param.Value)}, expected {Quote(expected)}.");
        }
    }

    private static void ParameterValueError(string owner, IList<Param>? parameters, string parameterId, string? expected)
    {
        var param = Find(owner, parameters, parameterId);
        if (!string.Equals(param.ValueError ?? string.Empty, expected ?? string.Empty, StringComparison.Ordinal))
        {
            var found = string.IsNullOrEmpty(param.ValueError) ? "has no value error" : $"has value error {Quote(param.ValueError)}";
            var wanted = string.IsNullOrEmpty(expected) ? "none" : Quote(expected);
            throw Fail($"Parameter {parameterId} of {owner} {found}, expected {wanted} (its value is {Quote(param.Value)}).");
        }
    }

    private static Param Find(string owner, IList<Param>? parameters, string parameterId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(parameterId);
        return ModelParts.Find(parameters, parameterId) ?? throw Fail(parameters is not { Count: > 0 }
            ? $"{Capitalize(owner)} has no parameter {parameterId} (it has no parameters at all)."
            : $"{Capitalize(owner)} has no parameter {parameterId}; it has {string.Join(", ", parameters.Select(p => p.Id ?? p.Name))}.");
    }

    private static string Why(string? reason, string? note) =>
        !string.IsNullOrEmpty(reason) ? $" (reason: {Quote(reason)})"
        : !string.IsNullOrEmpty(note) ? $" (note: {Quote(note)})"
        : string.Empty;

    private static string Show(string? status) => status ?? "(no status)";

    private static string Quote(string? value) => string.IsNullOrEmpty(value) ? "empty" : "\"" + value + "\"";

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string Shorten(string? text)
    {
        var flat = (text ?? string.Empty).ReplaceLineEndings(" ");
        return flat.Length <= 120 ? flat : flat[..117] + "...";
    }

    private static ConnectAssertionException Fail(string message) => new(message);
}
