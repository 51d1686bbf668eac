namespace UpNest.Core.Audit;

/// <summary>
/// Every action name the audit trail records: routes declare one of these in their metadata, and
/// nothing derives a name from a route's text.
/// </summary>
public static class AuditActions
{
    public const string BabyRead = "baby.read";
}
