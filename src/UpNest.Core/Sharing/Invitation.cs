using UpNest.Core.Babies;

namespace UpNest.Core.Sharing;

/// <summary>
/// An owner's offer of access to one baby. The client holds the code
/// "{babyId}.{id}.{secret}"; only the SHA-256 of the secret is stored, and the two ids let the
/// store find the invitation with one GetItem.
/// </summary>
public sealed record Invitation
{
    public required string BabyId { get; init; }
    public required string Id { get; init; }
    public required string SecretHash { get; init; }

    /// <summary>Normalized email the invitation is bound to; null for a shareable code anyone may use once.</summary>
    public string? Email { get; init; }

    public Role Role { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? UsedAt { get; init; }
    public string? UsedBy { get; init; }
}

/// <summary>What the inviter receives: the code is shown once and never stored.</summary>
public sealed record IssuedInvitation(Invitation Invitation, string Code);

/// <summary>A person with access to a baby, as the caregivers list shows them.</summary>
public sealed record Caregiver(string UserId, string DisplayName, Role Role, DateTimeOffset Since);

/// <summary>Storage port for invitations (kept under the baby: PK babyId, SK INVITE#id on DynamoDB).</summary>
public interface IInvitationStore
{
    /// <summary>Stores a new invitation; <see cref="Common.ConflictException"/> if the id exists.</summary>
    Task CreateAsync(BabyAccess access, Invitation invitation, CancellationToken ct);

    /// <summary>One invitation by its key (one GetItem); null when there is none.</summary>
    Task<Invitation?> GetAsync(string babyId, string invitationId, CancellationToken ct);

    /// <summary>
    /// Marks the invitation used by <paramref name="userId"/> only if it is still unused
    /// (a conditional write); <see cref="Common.ConflictException"/> when someone else used it first.
    /// </summary>
    Task MarkUsedAsync(string babyId, string invitationId, string userId, DateTimeOffset usedAt, CancellationToken ct);
}
