using UpNest.Core.Common;

namespace UpNest.Api.Http;

public static class Paging
{
    public static PageRequest Request(int? limit, string? cursor, CursorScope scope, CursorProtector cursors)
    {
        var size = limit ?? PageRequest.DefaultLimit;
        if (size is < 1 or > PageRequest.MaxLimit)
        {
            throw new ValidationException("limit", $"limit must be between 1 and {PageRequest.MaxLimit}.");
        }
        return new PageRequest(size, cursors.Unprotect(cursor, scope));
    }
}

/// <summary>The shape of every list: items and the cursor of the next page (null on the last).</summary>
public sealed record ListResponse<T>(IReadOnlyList<T> Items, string? NextCursor);
