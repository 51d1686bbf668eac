namespace UpNest.Storage.DynamoDb.Schema;

/// <summary>
/// The six tables of DESIGN.md, defined once. The store, <c>upnest db create-tables</c> and the
/// CloudFormation template (<c>upnest infra tables</c>) are all generated from these.
/// </summary>
public static class Tables
{
    private static readonly KeyAttribute Pk = new(Attrs.Pk, KeyType.S);
    private static readonly KeyAttribute Sk = new(Attrs.Sk, KeyType.S);

    /// <summary>Sparse: only soft-deleted profiles carry deletedKind, so the purge job reads just those.</summary>
    private static IndexDefinition ByDeletedAt() => new(
        IndexNames.ByDeletedAt, IndexKind.Global,
        new KeyAttribute(Attrs.DeletedKind, KeyType.S), new KeyAttribute(Attrs.DeletedAt, KeyType.S), []);

    /// <summary>Profiles (USER#id/PROFILE), email guards, sessions, idempotency records, service keys.</summary>
    public static readonly TableDefinition Users = new(
        "Users", Pk, Sk,
        [
            // Sparse (only profiles carry email), KEYS_ONLY: for operators and audits. QP2 reads the
            // EMAIL# guard item instead, because a GSI read is eventually consistent.
            new(IndexNames.ByEmail, IndexKind.Global, new KeyAttribute(Attrs.Email, KeyType.S), null, []),
            ByDeletedAt(),
        ]);

    /// <summary>
    /// Baby profiles (BABY#id/PROFILE), access grants (BABY#id/ACCESS#userId), invitations
    /// (BABY#id/INVITE#id), reminders (REMINDER#id/REMINDER) and their pointers (BABY#id/REMINDER#id).
    /// </summary>
    public static readonly TableDefinition Babies = new(
        "Babies", Pk, Sk,
        [
            // QP3: grants by user, ordered by BABY#id; role projected, the profile is read by BatchGetItem.
            new(IndexNames.ByUser, IndexKind.Global, new KeyAttribute(Attrs.UserId, KeyType.S), Pk, [Attrs.Role]),
            ByDeletedAt(),
            // Reminder outbox: sparse (only undelivered reminders carry outbox/outboxAt), one partition
            // so the delivery channel reads them oldest first; delivery removes the attributes.
            new(IndexNames.ByUndelivered, IndexKind.Global,
                new KeyAttribute(Attrs.Outbox, KeyType.S), new KeyAttribute(Attrs.OutboxAt, KeyType.S), null),
        ]);

    /// <summary>Measurements (BABY#id/M#measurementId); the LSI orders them by date for QP5/QP6.</summary>
    public static readonly TableDefinition GrowthData = new(
        "GrowthData", Pk, Sk,
        [new(IndexNames.ByMeasuredOn, IndexKind.Local, Pk, new KeyAttribute(Attrs.MeasuredOn, KeyType.S), null)]);

    /// <summary>Doses (BABY#id/DOSE#vaccine#nn); sparse ByDueDate on pending doses for reminders (QP7).</summary>
    public static readonly TableDefinition Vaccinations = new(
        "Vaccinations", Pk, Sk,
        [
            new(IndexNames.ByDueDate, IndexKind.Global,
                new KeyAttribute(Attrs.DueOn, KeyType.S), new KeyAttribute(Attrs.BabyDose, KeyType.S), null),
        ]);

    /// <summary>Milestone records (BABY#id/MS#key), QP8.</summary>
    public static readonly TableDefinition Milestones = new("Milestones", Pk, Sk, []);

    /// <summary>Audit events at subject/E#sequence; ByActor orders an actor's events by time across subjects.</summary>
    public static readonly TableDefinition AuditLog = new(
        "AuditLog", Pk, Sk,
        [new(IndexNames.ByActor, IndexKind.Global, new KeyAttribute(Attrs.ActorId, KeyType.S), new KeyAttribute(Attrs.At, KeyType.S), null)]);

    public static IReadOnlyList<TableDefinition> All { get; } = [Users, Babies, GrowthData, Vaccinations, Milestones, AuditLog];
}

public static class IndexNames
{
    public const string ByEmail = "ByEmail";
    public const string ByUser = "ByUser";
    public const string ByDueDate = "ByDueDate";
    public const string ByActor = "ByActor";
    public const string ByDeletedAt = "ByDeletedAt";
    public const string ByMeasuredOn = "ByMeasuredOn";
    public const string ByUndelivered = "ByUndelivered";
}
