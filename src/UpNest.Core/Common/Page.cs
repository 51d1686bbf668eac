namespace UpNest.Core.Common;

/// <summary>
/// A page request as the stores see it. <see cref="After"/> is the store's own continuation
/// token (never shown to clients: the API signs and binds it before it leaves the process).
/// </summary>
public sealed record PageRequest(int Limit, string? After = null)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
}

/// <summary>One page of results and the store's token for the next one (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);
