namespace UpNest.Storage.DynamoDb;

/// <summary>The <c>Storage:DynamoDb</c> configuration section.</summary>
public sealed class DynamoDbStorageOptions
{
    public const string Section = "Storage:DynamoDb";

    /// <summary>Set for DynamoDB Local (any credentials are accepted); empty means AWS.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>AWS region; empty means the SDK's chain (AWS_REGION, profile, instance metadata).</summary>
    public string? Region { get; set; }

    /// <summary>Prefix of every table name, one per environment.</summary>
    public string TablePrefix { get; set; } = "upnest-";

    /// <summary>Create missing tables at start (local development and tests only).</summary>
    public bool CreateTables { get; set; }

    /// <summary>Attempts per call, the first included, before the store answers 503.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First backoff ceiling; doubles per attempt up to <see cref="MaxBackoffMilliseconds"/>.</summary>
    public int BaseBackoffMilliseconds { get; set; } = 50;

    public int MaxBackoffMilliseconds { get; set; } = 1000;

    internal IEnumerable<string> Validate()
    {
        if (!string.IsNullOrEmpty(ServiceUrl) && !Uri.TryCreate(ServiceUrl, UriKind.Absolute, out _))
        {
            yield return "Storage:DynamoDb:ServiceUrl must be an absolute URL.";
        }
        // Table names allow [a-zA-Z0-9_.-]; the longest name (GrowthData, Vaccinations) must stay under 255.
        if (TablePrefix.Length > 200 || TablePrefix.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-')))
        {
            yield return "Storage:DynamoDb:TablePrefix may hold only letters, digits, '_', '.' and '-'.";
        }
        if (MaxAttempts is < 1 or > 10)
        {
            yield return "Storage:DynamoDb:MaxAttempts must be between 1 and 10.";
        }
        if (BaseBackoffMilliseconds < 1 || MaxBackoffMilliseconds < BaseBackoffMilliseconds)
        {
            yield return "Storage:DynamoDb backoff: 1 <= BaseBackoffMilliseconds <= MaxBackoffMilliseconds.";
        }
    }
}
