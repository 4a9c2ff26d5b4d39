using System.Text.Json.Nodes;
using Connect.Emulator.Store;
using Connect.Emulator.Documents;

namespace Connect.Emulator.Domain;

/// <summary>
/// Conversations: one per fulfillment request and tier config request, created with the object (or on first use for
/// bulk-generated requests), holding its messages. Each state transition appends a <c>state_change</c> message.
/// </summary>
internal sealed class ConversationService(DocumentStore store, Clock clock)
{
    private const int MaxTextLength = 10_000;

    /// <summary>The conversation of an object, created when missing; null when no such object exists.</summary>
    public static JsonObject? Ensure(StoreWriter writer, string instanceId, string? statusAtCreation = null)
    {
        if (writer.Find(Collections.Conversations, Indexes.InstanceId, instanceId) is [var existing, ..])
        {
            return existing;
        }

        var (instance, topic, noun) = instanceId.StartsWith("TCR-", StringComparison.Ordinal)
            ? (writer.Get(Collections.TierConfigRequests, instanceId), $"Tier Config Request <{instanceId}>", "Tier config request")
            : (writer.Get(Collections.Requests, instanceId), $"Fulfillment Request <{instanceId}>", "Request");
        if (instance is null)
        {
            return null;
        }

        var created = Json.Str(instance, "created") ?? Json.Str(instance, "events.created.at") ?? string.Empty;
        var id = Ids.Conversation(writer);
        var status = statusAtCreation ?? Json.Str(instance, "status");
        var conversation = new JsonObject
        {
            ["id"] = id,
            ["instance_id"] = instanceId,
            ["created"] = created,
            ["topic"] = topic,
            ["type"] = "conversation",
            ["status"] = "open",
            ["events"] = new JsonObject { ["created"] = Json.At(created), ["updated"] = Json.At(created) },
            ["accounts"] = Accounts(instance),
            ["messages"] = new JsonArray(Message(writer, id, created, $"{noun} {instanceId} created. State set to {status}.", "state_change", null)),
        };
        writer.Put(Collections.Conversations, conversation);
        return conversation;
    }

    // The parties of the object: its connection's vendor and provider.
    private static JsonArray Accounts(JsonObject instance)
    {
        var connection = instance["asset"]?["connection"] ?? instance["configuration"]?["connection"];
        var accounts = new JsonArray();
        foreach (var party in new[] { "vendor", "provider" })
        {
            if (connection?[party] is JsonObject account)
            {
                accounts.Add(account.DeepClone());
            }
        }

        return accounts;
    }

    /// <summary>Appends a <c>state_change</c> message to the object's conversation.</summary>
    public static void StateChange(StoreWriter writer, string instanceId, string fromStatus, string toStatus, string at)
    {
        var conversation = Ensure(writer, instanceId, fromStatus);
        if (conversation is null)
        {
            return;
        }

        var noun = instanceId.StartsWith("TCR-", StringComparison.Ordinal) ? "Tier config request" : "Request";
        var updated = Json.Clone(conversation);
        var id = Json.Id(updated);
        Json.Array(updated["messages"]).Add(
            Message(writer, id, at, $"{noun} {instanceId} status changed from {fromStatus} to {toStatus}.", "state_change", null));
        updated["events"]!["updated"] = Json.At(at);
        writer.Put(Collections.Conversations, updated);
    }

    /// <summary>A conversation by its CO- id or by the id of the object it belongs to.</summary>
    public JsonObject Get(string idOrInstance)
    {
        if (store.Get(Collections.Conversations, idOrInstance) is { } byId)
        {
            return byId;
        }

        return (store.Find(Collections.Conversations, Indexes.InstanceId, idOrInstance) is [var byInstance, ..] ? byInstance : null)
            ?? store.Write(w => Ensure(w, idOrInstance))
            ?? throw DomainException.NotFound("Conversation", idOrInstance);
    }

    /// <summary>Makes sure the conversation of an object exists (for list filters by instance id).</summary>
    public void EnsureFor(string instanceId)
    {
        if (store.Find(Collections.Conversations, Indexes.InstanceId, instanceId).Count == 0)
        {
            store.Write(w => Ensure(w, instanceId));
        }
    }

    public JsonObject AddMessage(string idOrInstance, JsonObject body, Caller caller)
    {
        var text = Json.Text(body, "text");
        if (string.IsNullOrWhiteSpace(text))
        {
            throw DomainException.Invalid("text: This field is required.");
        }

        if (text.Length > MaxTextLength)
        {
            throw DomainException.Invalid($"text: Ensure this field has no more than {MaxTextLength} characters.");
        }

        var type = Json.Text(body, "type") ?? "message";
        if (type is not ("message" or "private" or "state_change"))
        {
            throw DomainException.Invalid($"type: \"{type}\" is not a valid choice.");
        }

        var target = Get(idOrInstance);
        var conversationId = Json.Id(target);
        return store.Write(w =>
        {
            var current = w.Get(Collections.Conversations, conversationId)!;
            if (Json.Str(current, "status") == "closed")
            {
                throw DomainException.Refused(ErrorCodes.ConversationClosed, $"Conversation {conversationId} is closed.");
            }

            var now = clock.Now();
            var updated = Json.Clone(current);
            var message = Message(w, conversationId, now, text, type, caller);
            Json.Array(updated["messages"]).Add(message);
            updated["events"]!["updated"] = Json.At(now);
            w.Put(Collections.Conversations, updated);
            return (JsonObject)message.DeepClone();
        });
    }

    /// <summary>Closes a conversation: no messages can be added afterwards.</summary>
    public JsonObject Close(string idOrInstance)
    {
        var conversationId = Json.Id(Get(idOrInstance));
        return store.Write(w =>
        {
            var conversation = w.Get(Collections.Conversations, conversationId)!;
            conversation["status"] = "closed";
            conversation["events"]!["updated"] = Json.At(clock.Now());
            w.Put(Collections.Conversations, conversation);
            return conversation;
        });
    }

    private static JsonObject Message(StoreWriter writer, string conversationId, string at, string text, string type, Caller? caller)
    {
        var message = new JsonObject
        {
            ["id"] = Ids.Message(writer),
            ["conversation"] = conversationId,
            ["created"] = at,
        };
        // A posted message names its creator (fixture conversation_with_messages.json); a state change has none.
        if (caller is not null)
        {
            message["creator"] = new JsonObject { ["id"] = caller.ApiKeyId, ["name"] = caller.ApiKeyId };
        }

        // Every message names the account it belongs to (the vendor's).
        if (writer.All(Collections.Accounts).FirstOrDefault() is { } account)
        {
            message["account"] = Json.Ref(account, "id", "name");
        }

        message["text"] = text;
        message["type"] = type;
        message["events"] = new JsonObject { ["created"] = Json.At(at) };
        return message;
    }
}
