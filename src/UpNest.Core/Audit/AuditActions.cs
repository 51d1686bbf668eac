namespace UpNest.Core.Audit;

/// <summary>
/// Every action name the audit trail records. Routes declare theirs in endpoint metadata from
/// this catalogue; nothing derives a name from a route's text.
/// </summary>
public static class AuditActions
{
    public const string BabyRead = "baby.read";
    public const string BabyCreate = "baby.create";
    public const string BabyUpdate = "baby.update";
    public const string BabyDelete = "baby.delete";
    public const string BabyRestore = "baby.restore";
    public const string MeasurementRead = "measurement.read";
    public const string MeasurementCreate = "measurement.create";
    public const string MeasurementUpdate = "measurement.update";
    public const string MeasurementDelete = "measurement.delete";
    public const string VaccinationRead = "vaccination.read";
    public const string VaccinationCreate = "vaccination.create";
    public const string VaccinationUpdate = "vaccination.update";
    public const string VaccinationDelete = "vaccination.delete";
    public const string MilestoneRead = "milestone.read";
    public const string MilestoneCreate = "milestone.create";
    public const string MilestoneUpdate = "milestone.update";
    public const string GrowthRead = "growth.read";
    public const string CalendarLinkCreate = "calendar-link.create";
    public const string CalendarLinkDelete = "calendar-link.delete";
    public const string CaregiverRead = "caregiver.read";
    public const string InvitationRead = "invitation.read";
    public const string ShareInvite = "share.invite";
    public const string ShareAccept = "share.accept";
    public const string ShareRoleChange = "share.role-change";
    public const string ShareRevoke = "share.revoke";
    public const string AuditRead = "audit.read";
    public const string Export = "export";
    public const string AuthLogin = "auth.login";
    public const string AuthLoginFailed = "auth.login-failed";
    public const string AuthRefreshReuse = "auth.refresh-reuse";

    private static readonly HashSet<string> Catalogue = typeof(AuditActions).GetFields()
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);

    public static IReadOnlySet<string> All => Catalogue;

    /// <summary>
    /// The catalogue's action for a resource type and an HTTP method (GET: read, POST: create,
    /// PUT/PATCH: update, DELETE: delete), for route groups that declare one resource for all
    /// their routes. Throws at start-up when the catalogue lacks it.
    /// </summary>
    public static string For(string resourceType, string method)
    {
        var verb = method switch
        {
            "GET" or "HEAD" => "read",
            "POST" => "create",
            "PUT" or "PATCH" => "update",
            "DELETE" => "delete",
            _ => throw new ArgumentException($"No audit verb for {method}.", nameof(method)),
        };
        var action = resourceType + "." + verb;
        return Catalogue.Contains(action) ? action : throw new ArgumentException($"The audit catalogue has no {action}.", nameof(resourceType));
    }
}
