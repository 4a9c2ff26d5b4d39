namespace Connect.Testing;

/// <summary>One status change recorded by the emulator (<c>GET /emulator/v1/audit</c>).</summary>
/// <param name="Seq">Order of the entry in the log.</param>
/// <param name="ObjectId">The object that changed (<c>PR-...</c>, <c>AS-...</c>, <c>TCR-...</c>, <c>UF-...</c>).</param>
/// <param name="Collection">Its collection (<c>requests</c>, <c>assets</c>, ...).</param>
/// <param name="From">The status before; <see langword="null"/> when the object was created.</param>
/// <param name="To">The status after.</param>
/// <param name="Action">What caused it (<c>create</c>, <c>approve</c>, <c>seed</c>, <c>request:approve</c>, ...).</param>
/// <param name="At">When, as the emulator wrote it.</param>
/// <param name="ApiKeyId">The id part of the API key that made the call.</param>
public sealed record AuditEntry(long Seq, string ObjectId, string Collection, string? From, string To, string Action, string At, string? ApiKeyId);
