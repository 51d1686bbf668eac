using System.Globalization;

namespace UpNest.Storage.DynamoDb.Schema;

/// <summary>
/// Every partition and sort key value the stores write, built in one place so a key format is
/// changed (or reviewed) once. Prefixes keep item kinds apart inside a partition and make the
/// sort order of each kind explicit.
/// </summary>
internal static class Keys
{
    public const string Profile = "PROFILE";
    public const string EmailGuard = "EMAIL";
    public const string SessionPrefix = "SESSION#";
    public const string IdempotencyPrefix = "IDEMP#";
    public const string AccessPrefix = "ACCESS#";
    public const string MeasurementPrefix = "M#";
    public const string AuditEventPrefix = "E#";
    public const string DosePrefix = "DOSE#";
    public const string MilestonePrefix = "MS#";
    public const string InvitationPrefix = "INVITE#";
    public const string ReminderPrefix = "REMINDER#";

    /// <summary>Sort key of a reminder's own item (its partition is <see cref="Reminder"/>).</summary>
    public const string ReminderItem = "REMINDER";

    /// <summary>Partition key value in the sparse ByUndelivered index: every reminder not yet delivered.</summary>
    public const string Undelivered = "UNDELIVERED";

    /// <summary>Partition key value in the sparse ByDeletedAt index for soft-deleted users.</summary>
    public const string DeletedUsers = "USER";

    /// <summary>Partition key value in the sparse ByDeletedAt index for soft-deleted babies.</summary>
    public const string DeletedBabies = "BABY";

    public static string User(string userId) => "USER#" + userId;

    public static string Email(string normalizedEmail) => "EMAIL#" + normalizedEmail;

    public static string Session(string familyId) => SessionPrefix + familyId;

    public static string Idempotency(string key) => IdempotencyPrefix + key;

    public static string KeyPurpose(string purpose) => "KEYS#" + purpose;

    public static string Baby(string babyId) => "BABY#" + babyId;

    public static string Access(string userId) => AccessPrefix + userId;

    public static string Measurement(string measurementId) => MeasurementPrefix + measurementId;

    /// <summary>Sort key of the ByMeasuredOn LSI: date first so QP5/QP6 are range queries, id breaks ties.</summary>
    public static string MeasuredOn(DateOnly measuredOn, string measurementId) =>
        measuredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "#" + measurementId;

    /// <summary>Lowest LSI value on or after a date ('#' sorts before every id character).</summary>
    public static string MeasuredOnFrom(DateOnly from) => from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "#";

    /// <summary>Highest LSI value on a date ('~' sorts after every id character).</summary>
    public static string MeasuredOnTo(DateOnly to) => to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "#~";

    public static string AuditSubject(string subject) => subject;

    /// <summary>
    /// Audit events sort by their position in the subject's chain (not by clock, which may differ
    /// between instances); appending position n + 1 is a conditional put, so only one writer wins it.
    /// </summary>
    public static string AuditEvent(long sequence) => AuditEventPrefix + sequence.ToString("D12", CultureInfo.InvariantCulture);

    public static long AuditSequence(string sortKey) => long.Parse(sortKey.AsSpan(AuditEventPrefix.Length), CultureInfo.InvariantCulture);

    /// <summary>Sort key of ByActor: time then event id, across subjects.</summary>
    public static string AuditAt(DateTimeOffset at, string eventId) => Times.Sortable(at) + "#" + eventId;

    public static string Dose(string vaccine, int doseNumber) =>
        DosePrefix + vaccine + "#" + doseNumber.ToString("D2", CultureInfo.InvariantCulture);

    public static string Milestone(string milestoneKey) => MilestonePrefix + milestoneKey;

    public static string Invitation(string invitationId) => InvitationPrefix + invitationId;

    /// <summary>
    /// A reminder is found by its id alone (MarkDelivered), so its item has its own partition;
    /// the same value is the sort key of its pointer under the baby, which the purge follows.
    /// </summary>
    public static string Reminder(string reminderId) => ReminderPrefix + reminderId;

    /// <summary>Sort key of the ByUndelivered index: oldest first, ties by id (fixed-width time).</summary>
    public static string UndeliveredAt(DateTimeOffset createdAt, string reminderId) => Times.Sortable(createdAt) + "#" + reminderId;

    /// <summary>Partition key of the ByDueDate index.</summary>
    public static string DueOn(DateOnly dueOn) => dueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Sort key of the ByDueDate index: baby id, then the dose id ("HepB.1"), so one day's query
    /// returns doses in (baby id, dose id) order; '#' sorts below every id character.
    /// </summary>
    public static string BabyDose(string babyId, string doseId) => babyId + "#" + doseId;
}

/// <summary>Attribute names. Short names keep every item (and every capacity unit) small.</summary>
internal static class Attrs
{
    public const string Pk = "pk";
    public const string Sk = "sk";

    /// <summary>The record itself as JSON; keys, versions and index attributes live beside it.</summary>
    public const string Data = "data";

    public const string Version = "version";

    /// <summary>TTL attribute (epoch seconds) on every table.</summary>
    public const string ExpiresAt = "expiresAt";

    public const string Email = "email";
    public const string UserId = "userId";
    public const string Role = "role";
    public const string DeletedKind = "deletedKind";
    public const string DeletedAt = "deletedAt";
    public const string MeasuredOn = "measuredOn";
    public const string ActorId = "actorId";
    public const string At = "at";
    public const string DueOn = "dueOn";
    public const string BabyDose = "babyDose";
    public const string UsedAt = "usedAt";
    public const string Outbox = "outbox";
    public const string OutboxAt = "outboxAt";
}

internal static class Times
{
    /// <summary>UTC, fixed width, so string order is time order (used in sort keys and the deleted index).</summary>
    public static string Sortable(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
