using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.RateLimiting;
using UpNest.Api.Http;

namespace UpNest.Api.OpenApi;

/// <summary>
/// Which problem responses a route can give, from what the pipeline does to it: the middleware
/// and binders answer these before (or around) the handler, so every route gets them by the
/// same rules and a new route needs no list of its own.
/// </summary>
public static class ProblemResponseRules
{
    public static bool IsProtected(IReadOnlyList<object> metadata) =>
        metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();

    public static bool ReadsBody(IReadOnlyList<object> metadata) => metadata.OfType<IAcceptsMetadata>().Any();

    /// <summary>POSTs the idempotency middleware handles: signed in, not marked <see cref="NotIdempotent"/>.</summary>
    public static bool TakesIdempotencyKey(string method, IReadOnlyList<object> metadata) =>
        HttpMethods.IsPost(method) && IsProtected(metadata) && !metadata.OfType<NotIdempotent>().Any();

    public static SortedSet<int> For(string method, string pattern, IReadOnlyList<object> metadata, bool hasQuery)
    {
        var statuses = new SortedSet<int>();
        var isProtected = IsProtected(metadata);
        var readsBody = ReadsBody(metadata);
        var idempotent = TakesIdempotencyKey(method, metadata);
        if (readsBody || hasQuery || idempotent)
        {
            statuses.Add(StatusCodes.Status400BadRequest);
        }
        if (isProtected)
        {
            statuses.Add(StatusCodes.Status401Unauthorized);
            if (!metadata.OfType<AllowedWhileAccountDeleted>().Any())
            {
                statuses.Add(StatusCodes.Status403Forbidden);
            }
        }
        if (pattern.Contains('{', StringComparison.Ordinal))
        {
            statuses.Add(StatusCodes.Status404NotFound);
        }
        if (idempotent)
        {
            statuses.Add(StatusCodes.Status409Conflict);
        }
        if (metadata.OfType<AcceptsIfMatchMetadata>().Any())
        {
            statuses.Add(StatusCodes.Status412PreconditionFailed);
        }
        if (readsBody)
        {
            statuses.Add(StatusCodes.Status413PayloadTooLarge);
            statuses.Add(StatusCodes.Status415UnsupportedMediaType);
        }
        // Signed-in callers share the per-user limiter; anonymous auth routes have their per-IP policy.
        if (isProtected || metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            statuses.Add(StatusCodes.Status429TooManyRequests);
        }
        if (!metadata.OfType<UsesNoStoreMetadata>().Any())
        {
            statuses.Add(StatusCodes.Status503ServiceUnavailable);
        }
        return statuses;
    }

    /// <summary>The size limit that a 413 refers to.</summary>
    public static long BodyLimit(IReadOnlyList<object> metadata) =>
        metadata.OfType<BodyLimit>().LastOrDefault()?.Bytes ?? RequestBodyLimitMiddleware.DefaultLimit;
}
