namespace Connect.Emulator;

/// <summary>How the emulator shows an API key (the start-up banner): the key id, never the secret.</summary>
internal static class ApiKeyMask
{
    /// <summary><c>ApiKey SU-000-000-000:emulator</c> becomes <c>ApiKey SU-000-000-000:********</c>; a key without an id is all stars.</summary>
    public static string Mask(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? "********" : key[..(colon + 1)] + "********";
    }
}
