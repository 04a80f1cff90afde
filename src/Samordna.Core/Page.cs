namespace Samordna.Core;

/// <summary>A page of a list with the key to ask for the next one (keyset paging: no OFFSET, no COUNT per page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);
