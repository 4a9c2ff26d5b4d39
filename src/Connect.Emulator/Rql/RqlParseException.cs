namespace Connect.Emulator.Rql;

/// <summary>A query string that is not valid RQL; <see cref="Position"/> is the 0-based offset in the decoded string.</summary>
internal sealed class RqlParseException(string message, int position) : Exception(message)
{
    public int Position { get; } = position;
}
