using System.Security.Cryptography;
using System.Text;
using UpNest.Api.Auth;
using UpNest.Core.Common;
using UpNest.Core.Users;

namespace UpNest.Api.Http;

/// <summary>
/// POSTs with an Idempotency-Key: the first 2xx response is kept for 24 hours and replayed for
/// repeats, so a retried create stores nothing new. The same key with another request is a 409.
/// Routes marked <see cref="NotIdempotent"/> (auth) are excluded: replaying tokens would defeat refresh-token rotation.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IIdempotencyStore store, TimeProvider clock)
{
    public const string Header = "Idempotency-Key";
    private static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    // Repeats that race each other (a client retrying before the first answer) run one at a time
    // per user and key in this instance, so only the first executes and the rest replay it.
    private static readonly SemaphoreSlim[] Gates = Enumerable.Range(0, 256).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task InvokeAsync(HttpContext context)
    {
        var key = context.Request.Headers[Header].ToString();
        var user = context.Features.Get<CurrentUser>();
        if (!HttpMethods.IsPost(context.Request.Method) || key.Length == 0 || user is null
            || context.GetEndpoint()?.Metadata.GetMetadata<NotIdempotent>() is not null)
        {
            await next(context);
            return;
        }
        if (key.Length > 200 || key.Any(c => c < 0x21 || c > 0x7e))
        {
            throw new ValidationException(Header, "Use 1 to 200 visible ASCII characters.");
        }

        var fingerprint = await FingerprintAsync(context.Request);
        var gate = Gates[(uint)StringComparer.Ordinal.GetHashCode(user.Id + "\n" + key) % (uint)Gates.Length];
        await gate.WaitAsync(context.RequestAborted);
        try
        {
            await InvokeOnceAsync(context, user, key, fingerprint);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task InvokeOnceAsync(HttpContext context, CurrentUser user, string key, string fingerprint)
    {
        var existing = await store.GetAsync(user.Id, key, context.RequestAborted);
        if (existing is not null)
        {
            await ReplayAsync(context, existing, fingerprint);
            return;
        }

        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
            if (context.Response.StatusCode is >= 200 and < 300)
            {
                var now = clock.GetUtcNow();
                var record = new IdempotencyRecord
                {
                    UserId = user.Id,
                    Key = key,
                    RequestFingerprint = fingerprint,
                    StatusCode = context.Response.StatusCode,
                    Location = context.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
                    ContentType = context.Response.ContentType,
                    Body = buffer.ToArray(),
                    CreatedAt = now,
                    ExpiresAt = now + Retention,
                };
                await store.TryAddAsync(record, context.RequestAborted);
            }
        }
        finally
        {
            context.Response.Body = original;
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task ReplayAsync(HttpContext context, IdempotencyRecord existing, string fingerprint)
    {
        if (!string.Equals(existing.RequestFingerprint, fingerprint, StringComparison.Ordinal))
        {
            throw new ConflictException("This Idempotency-Key was used for a different request.");
        }
        context.Response.StatusCode = existing.StatusCode;
        if (existing.Location is not null)
        {
            context.Response.Headers.Location = existing.Location;
        }
        context.Response.ContentType = existing.ContentType;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        await context.Response.Body.WriteAsync(existing.Body, context.RequestAborted);
    }

    private static async Task<string> FingerprintAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }
        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
