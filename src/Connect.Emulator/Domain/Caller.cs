namespace Connect.Emulator.Domain;

/// <summary>The identity behind a change: the API key id (the part before ':'), never the secret.</summary>
internal sealed record Caller(string ApiKeyId)
{
    /// <summary>The identity of changes the emulator makes itself (seeding, control API without a key).</summary>
    public static Caller System { get; } = new("SU-000-000-000");
}
