using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using UpNest.Core.Common;

namespace UpNest.Storage.DynamoDb.Calls;

/// <summary>
/// Retries throttling and transient faults with capped exponential backoff and full jitter, within
/// a budget of attempts; then gives up with <see cref="StoreUnavailableException"/> so the API
/// answers 503 + Retry-After instead of holding the request. The SDK's own retries are switched off
/// (MaxErrorRetry = 0) so this policy alone decides how long a request may wait.
/// </summary>
public sealed class StoreRetryPolicy(int maxAttempts, TimeSpan baseDelay, TimeSpan maxDelay, TimeProvider time)
{
    public int MaxAttempts { get; } = Math.Max(1, maxAttempts);

    /// <summary>What the caller is told to wait once the budget is spent: the longest single backoff.</summary>
    public TimeSpan RetryAfter => maxDelay < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : maxDelay;

    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(ct);
            }
            catch (Exception fault) when (IsTransient(fault, ct))
            {
                if (attempt >= MaxAttempts)
                {
                    throw new StoreUnavailableException(RetryAfter, fault);
                }
                await Task.Delay(Backoff(attempt), time, ct);
            }
        }
    }

    /// <summary>Full jitter: uniform in [0, min(max, base * 2^attempt)].</summary>
    private TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, attempt));
#pragma warning disable CA5394 // jitter, not security
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
#pragma warning restore CA5394
    }

    internal static bool IsTransient(Exception fault, CancellationToken ct) => fault switch
    {
        ProvisionedThroughputExceededException or RequestLimitExceededException
            or InternalServerErrorException or LimitExceededException => true,
        // A transaction that met another in flight, or was throttled, can simply run again.
        TransactionCanceledException canceled => canceled.CancellationReasons?.Any(r =>
            r.Code is "TransactionConflict" or "ThrottlingError" or "ProvisionedThroughputExceeded") == true
            && canceled.CancellationReasons.All(r => r.Code is not "ConditionalCheckFailed"),
        TransactionConflictException => true,
        AmazonServiceException service => service.ErrorCode is "ThrottlingException" or "TransactionConflictException"
            || (int)service.StatusCode >= 500,
        HttpRequestException or IOException => true,
        // The SDK's own timeout, not the caller giving up.
        OperationCanceledException => !ct.IsCancellationRequested,
        AmazonClientException client => client.InnerException is HttpRequestException or IOException,
        _ => false,
    };
}
