using System.ComponentModel.DataAnnotations;

namespace UpNest.Api.Hosting;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    [RegularExpression("^(Sqlite|DynamoDb)$", ErrorMessage = "Storage:Provider must be Sqlite or DynamoDb.")]
    public string Provider { get; set; } = "Sqlite";
}

public sealed class SqliteOptions
{
    public const string Section = "Storage:Sqlite";

    [Required]
    public string Path { get; set; } = "data/upnest.db";
}

public sealed class AuthOptions
{
    public const string Section = "Auth";

    [RegularExpression("^(BuiltIn|Oidc)$", ErrorMessage = "Auth:Mode must be BuiltIn or Oidc.")]
    public string Mode { get; set; } = "BuiltIn";

    /// <summary>OIDC issuer URL (Cognito: the user-pool URL).</summary>
    public string? Authority { get; set; }

    public string? Audience { get; set; }

    /// <summary>Cognito app client id, checked against the access token's client_id.</summary>
    public string? ClientId { get; set; }

    public bool IsOidc => string.Equals(Mode, "Oidc", StringComparison.OrdinalIgnoreCase);
}

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    [Range(1, 100_000)]
    public int AuthPerMinute { get; set; } = 30;

    [Range(1, 1_000_000)]
    public int PerUserPerMinute { get; set; } = 600;
}

public sealed class RetentionOptions
{
    public const string Section = "Retention";

    [Range(0, 3650)]
    public int GraceDays { get; set; } = 30;

    [Range(1, 36500)]
    public int AuditDays { get; set; } = 2190;
}

public sealed class CorsOptions
{
    public const string Section = "Cors";

    public string[] AllowedOrigins { get; set; } = [];
}
