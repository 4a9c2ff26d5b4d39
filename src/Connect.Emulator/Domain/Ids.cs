using System.Globalization;
using System.Text;
using Connect.Emulator.Store;

namespace Connect.Emulator.Domain;

/// <summary>
/// Deterministic ids in Connect's shapes (contract/api-contract.md section 1): a per-kind counter mapped through a fixed bijection so that
/// ids look scattered like real ones, skipping any id already taken (e.g. by the demo seed).
/// </summary>
internal static class Ids
{
    public static string Asset(StoreWriter writer) => Unique(writer, Collections.Assets, "asset", n => "AS-" + Groups(n, 4, 3, salt: 1));

    public static string TierConfig(StoreWriter writer) =>
        Unique(writer, Collections.TierConfigs, "tier_config", n => "TC-" + Groups(n, 3, 3, salt: 2));

    public static string TierAccount(StoreWriter writer) =>
        Unique(writer, Collections.TierAccounts, "tier_account", n => "TA-" + Groups(n, 4, 3, salt: 3));

    public static string Conversation(StoreWriter writer) =>
        Unique(writer, Collections.Conversations, "conversation", n => "CO-" + Groups(n, 3, 3, salt: 4));

    public static string Message(StoreWriter writer) => "ME-" + Groups(writer.Next("message"), 3, 3, salt: 5);

    /// <summary><c>PR-&lt;asset digits&gt;-NNN</c>: the asset id plus the asset's request number.</summary>
    public static string Request(StoreWriter writer, string assetId)
    {
        // Bulk-generated requests take -001 without touching the counter, so skip numbers already in use.
        while (true)
        {
            var id = "PR-" + assetId[3..] + "-" + writer.Next("requests:" + assetId).ToString("000", CultureInfo.InvariantCulture);
            if (!writer.Exists(Collections.Requests, id))
            {
                return id;
            }
        }
    }

    /// <summary><c>TCR-&lt;tier config digits&gt;-NNN</c>.</summary>
    public static string TierConfigRequest(StoreWriter writer, string tierConfigId)
    {
        var n = writer.Next("tier_config_requests:" + tierConfigId);
        return "TCR-" + tierConfigId[3..] + "-" + n.ToString("000", CultureInfo.InvariantCulture);
    }

    /// <summary>A stable user-like id for an assignee known only by e-mail.</summary>
    public static string UserFromText(string text)
    {
        uint hash = 2166136261;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 16777619;
        }

        return "UR-" + Groups(hash % 1_000_000_000, 3, 3, salt: 0, scramble: false);
    }

    private static string Unique(StoreWriter writer, string collection, string counter, Func<long, string> format)
    {
        while (true)
        {
            var id = format(writer.Next(counter));
            if (!writer.Exists(collection, id))
            {
                return id;
            }
        }
    }

    private static string Groups(long n, int width, int groups, int salt, bool scramble = true)
    {
        var digits = width * groups;
        var modulus = (long)Math.Pow(10, digits);

        // n -> (n * a + b) mod 10^k is a bijection when a is coprime with 10.
        var value = scramble ? (long)(((UInt128)n * 7_919_393_137UL + (ulong)salt * 104_729_017UL) % (ulong)modulus) : n % modulus;
        var text = value.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
        var builder = new StringBuilder(digits + groups);
        for (var g = 0; g < groups; g++)
        {
            if (g > 0)
            {
                builder.Append('-');
            }

            builder.Append(text, g * width, width);
        }

        return builder.ToString();
    }
}
