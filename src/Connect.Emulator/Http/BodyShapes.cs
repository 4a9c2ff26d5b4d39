using static Connect.Emulator.Http.BodyShape;

namespace Connect.Emulator.Http;

/// <summary>The body shapes of the routes that create, update or act on documents (see <see cref="BodyShape"/>).</summary>
internal static class BodyShapes
{
    private static readonly BodyShape Reference = Object(("id", Text));
    private static readonly BodyShape Params = List(Param);

    /// <summary><c>PUT requests/{id}</c> and <c>POST requests/{id}/validate</c>.</summary>
    public static readonly BodyShape RequestUpdate = Object(("note", Text), ("asset", Object(("params", Params))));

    /// <summary><c>POST requests</c> (purchase, change, suspend, resume, cancel).</summary>
    public static readonly BodyShape RequestCreate = Object(
        ("type", Text), ("status", Text), ("note", Text),
        ("asset", Object(
            ("id", Text), ("external_id", Text), ("external_uid", Text), ("product", Reference), ("params", Params),
            ("items", List(Object(("id", Text), ("global_id", Text), ("mpn", Text), ("quantity", Text)))))));

    /// <summary><c>POST requests/{id}/approve</c>.</summary>
    public static readonly BodyShape RequestApprove = Object(("template_id", Text), ("activation_tile", Text), ("effective_date", Text));

    /// <summary><c>POST requests/{id}/inquire</c>.</summary>
    public static readonly BodyShape RequestInquire = Object(("template_id", Text), ("asset", Object(("params", Params))));

    /// <summary><c>POST requests/{id}/fail</c> and <c>revoke</c>, <c>POST tier/config-requests/{id}/fail</c>.</summary>
    public static readonly BodyShape Reason = Object(("reason", Text));

    /// <summary><c>POST requests/{id}/schedule</c>.</summary>
    public static readonly BodyShape RequestSchedule = Object(("planned_date", Text));

    /// <summary><c>POST .../assign</c>.</summary>
    public static readonly BodyShape Assign = Object(("id", Text), ("email", Text));

    /// <summary><c>POST tier/config-requests</c>.</summary>
    public static readonly BodyShape TierCreate = Object(
        ("type", Text), ("status", Text), ("notes", Text), ("params", Params),
        ("configuration", Object(("id", Text), ("product", Reference), ("account", Reference), ("tier_level", Text))));

    /// <summary><c>PUT tier/config-requests/{id}</c>.</summary>
    public static readonly BodyShape TierUpdate = Object(("notes", Text), ("params", Params));

    /// <summary><c>POST tier/config-requests/{id}/approve</c>.</summary>
    public static readonly BodyShape TierApprove = Object(
        ("template_id", Text), ("effective_date", Text),
        ("template", Object(("id", Text), ("representation", Text), ("effective_date", Text))));

    /// <summary><c>POST usage/files</c>.</summary>
    public static readonly BodyShape UsageCreate = Object(
        ("name", Text), ("description", Text), ("note", Text), ("currency", Text), ("external_id", Text),
        ("product_id", Text), ("contract_id", Text), ("product", Reference), ("contract", Reference),
        ("period", Object(("from", Date), ("to", Date))));

    /// <summary><c>PUT usage/files/{id}</c>.</summary>
    public static readonly BodyShape UsageUpdate = Object(
        ("name", Text), ("description", Text), ("note", Text), ("currency", Text), ("external_id", Text),
        ("period", Object(("from", Date), ("to", Date))));

    /// <summary><c>POST usage/files/{id}/accept</c>.</summary>
    public static readonly BodyShape UsageAccept = Object(("acceptance_note", Text));

    /// <summary><c>POST usage/files/{id}/reject</c>.</summary>
    public static readonly BodyShape UsageReject = Object(("rejection_note", Text));

    /// <summary><c>POST conversations/{id}/messages</c>.</summary>
    public static readonly BodyShape ConversationMessage = Object(("text", Text), ("type", Text));
}
