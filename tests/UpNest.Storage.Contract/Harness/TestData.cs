using UpNest.Core.Audit;
using UpNest.Core.Babies;
using UpNest.Core.Measurements;
using UpNest.Core.Users;

namespace UpNest.Storage.Contract.Harness;

/// <summary>Builders for valid records with fresh ids; tests change only what they are about.</summary>
public static class TestData
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static string NewId() => Guid.NewGuid().ToString("N");

    public static User User(string? email = null) => new()
    {
        Id = NewId(),
        Email = email ?? $"{NewId()}@example.test",
        PasswordHash = "hash",
        DisplayName = "Parent",
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    public static Baby Baby(string ownerId, string? id = null) => new()
    {
        Id = id ?? NewId(),
        Name = "Ada",
        Sex = Sex.Female,
        DateOfBirth = new DateOnly(2026, 1, 10),
        BirthWeightKg = 3.2,
        CreatedBy = ownerId,
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    public static AccessGrant Grant(string babyId, string userId, Role role) => new()
    {
        BabyId = babyId,
        UserId = userId,
        Role = role,
        Since = Now,
        GrantedBy = userId,
    };

    public static Measurement Measurement(string babyId, DateOnly on, string? id = null) => new()
    {
        Id = id ?? NewId(),
        BabyId = babyId,
        MeasuredOn = on,
        WeightKg = 4.1,
        LengthHeightCm = 54.5,
        Position = LengthPosition.Recumbent,
        CreatedBy = "someone",
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    public static RefreshSession Session(string userId) => new()
    {
        UserId = userId,
        FamilyId = NewId(),
        CurrentTokenHash = "h1",
        CreatedAt = Now,
        ExpiresAt = Now.AddDays(30),
    };

    public static IdempotencyRecord Idempotency(string userId, string key, string fingerprint = "f1") => new()
    {
        UserId = userId,
        Key = key,
        RequestFingerprint = fingerprint,
        StatusCode = 201,
        Location = "/v1/babies/x",
        ContentType = "application/json",
        Body = [1, 2, 3],
        CreatedAt = Now,
        ExpiresAt = Now.AddHours(24),
    };

    public static AuditEvent Audit(string subject, string? prevHash, DateTimeOffset at, string actor = "actor-1", long position = 1) => new()
    {
        Position = position,
        Subject = subject,
        Id = NewId(),
        At = at,
        ActorId = actor,
        Action = "baby.read",
        Resource = "baby/" + subject,
        Outcome = "success",
        RequestId = "req",
        PrevHash = prevHash,
        Hash = NewId(),
        ExpiresAt = at.AddYears(6),
    };

    /// <summary>Creates a baby owned by a new user and returns the owner's access.</summary>
    public static async Task<BabyAccess> NewBabyAsync(StoreHarness harness, string? ownerId = null)
    {
        ownerId ??= NewId();
        var baby = Baby(ownerId);
        await harness.Get<IBabyStore>().CreateAsync(baby, Grant(baby.Id, ownerId, Role.Owner), CancellationToken.None);
        return await harness.AccessAsync(ownerId, baby.Id);
    }
}
