using UpNest.Core.Common;

namespace UpNest.Core.Vaccinations;

/// <summary>
/// Pages a list computed on read (statuses are never stored, so the store cannot filter by
/// them): the continuation token is the sort key of the last item returned.
/// </summary>
public static class InMemoryPage
{
    public static Page<T> Of<T>(IReadOnlyList<T> ordered, Func<T, string> key, PageRequest page)
    {
        var start = 0;
        if (page.After is { } after)
        {
            var index = ordered.ToList().FindIndex(i => string.CompareOrdinal(key(i), after) > 0);
            start = index < 0 ? ordered.Count : index;
        }
        var limit = Math.Clamp(page.Limit, 1, PageRequest.MaxLimit);
        var items = ordered.Skip(start).Take(limit).ToList();
        var more = start + items.Count < ordered.Count;
        return new Page<T>(items, more && items.Count > 0 ? key(items[^1]) : null);
    }
}
