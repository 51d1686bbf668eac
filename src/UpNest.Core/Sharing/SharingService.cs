using System.Security.Cryptography;
using System.Text;
using UpNest.Core.Accounts;
using UpNest.Core.Babies;
using UpNest.Core.Common;
using UpNest.Core.Users;

namespace UpNest.Core.Sharing;

/// <summary>
/// Who may see a baby: invitations (by email or shareable code), accepting them, listing,
/// role changes and revocation. A baby always keeps at least one owner.
/// </summary>
public sealed class SharingService(
    IBabyStore babies,
    IUserStore users,
    IInvitationStore invitations,
    IIdGenerator ids,
    TimeProvider clock)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    public async Task<IssuedInvitation> InviteAsync(BabyAccess access, string? email, Role role, CancellationToken ct)
    {
        RequireOwner(access);
        var errors = new ValidationErrors();
        var normalized = email is null ? null : Emails.Normalize(email);
        if (normalized is not null && !Emails.IsValid(normalized))
        {
            errors.Add("email", "Give a valid email address, or null for a shareable code.");
        }
        if (role is not (Role.Caregiver or Role.Viewer))
        {
            errors.Add("role", "Invite as caregiver or viewer; an owner can promote someone later.");
        }
        errors.ThrowIfAny();

        var now = clock.GetUtcNow();
        var secret = ids.NewSecret();
        var invitation = new Invitation
        {
            BabyId = access.BabyId,
            Id = ids.NewId(),
            SecretHash = Hashing.Sha256Hex(secret),
            Email = normalized,
            Role = role,
            CreatedBy = access.ActorId,
            CreatedAt = now,
            ExpiresAt = now + InvitationLifetime,
        };
        await invitations.CreateAsync(access, invitation, ct);
        return new IssuedInvitation(invitation, InvitationCode.Format(invitation.BabyId, invitation.Id, secret));
    }

    /// <summary>An invitation's state, for the owner who made it (the Location of a new invitation).</summary>
    public async Task<Invitation> GetInvitationAsync(BabyAccess access, string invitationId, CancellationToken ct)
    {
        RequireOwner(access);
        return await invitations.GetAsync(access.BabyId, invitationId, ct) ?? throw new NotFoundException("invitation");
    }

    /// <summary>
    /// Turns a code into a grant. Every way a code can be wrong (forged, used, expired, meant for
    /// another email, baby gone) is the same 404, so a code reveals nothing about a baby.
    /// </summary>
    public async Task<BabyWithRole> AcceptAsync(string userId, string code, CancellationToken ct)
    {
        if (!InvitationCode.TryParse(code, out var babyId, out var invitationId, out var secret))
        {
            throw new NotFoundException("invitation");
        }
        var invitation = await invitations.GetAsync(babyId, invitationId, ct);
        var now = clock.GetUtcNow();
        if (invitation is null || !SecretMatches(invitation, secret) || invitation.UsedAt is not null || invitation.ExpiresAt <= now)
        {
            throw new NotFoundException("invitation");
        }
        var user = await users.GetAsync(userId, ct) ?? throw new NotFoundException("invitation");
        if (invitation.Email is not null && !string.Equals(invitation.Email, user.Email, StringComparison.Ordinal))
        {
            throw new NotFoundException("invitation");
        }
        var found = await babies.GetWithGrantAsync(babyId, userId, ct);
        if (found is null || found.Baby.DeletedAt is not null)
        {
            throw new NotFoundException("invitation");
        }
        if (found.Grant is not null)
        {
            // Accepting would waste a shareable code and could lower an owner's role.
            throw new ConflictException("You already have access to this baby.");
        }

        // The conditional write makes the code single-use even when two people race for it.
        try
        {
            await invitations.MarkUsedAsync(babyId, invitationId, userId, now, ct);
        }
        catch (ConflictException)
        {
            throw new NotFoundException("invitation");
        }
        var access = new BabyAccess(found.Baby, userId, invitation.Role);
        await babies.PutGrantAsync(access, new AccessGrant
        {
            BabyId = babyId, UserId = userId, Role = invitation.Role, Since = now, GrantedBy = invitation.CreatedBy,
        }, ct);
        return new BabyWithRole(found.Baby, invitation.Role);
    }

    /// <summary>Grants ordered owners first; paged in memory because a baby has a handful of carers.</summary>
    public async Task<Page<Caregiver>> ListAsync(BabyAccess access, PageRequest page, CancellationToken ct)
    {
        RequireOwner(access);
        var grants = await babies.ListGrantsAsync(access, ct);
        // After the user the cursor names; if that user has left since, start over rather than fail.
        var start = page.After is null ? 0 : grants.ToList().FindIndex(g => g.UserId == page.After) + 1;
        var slice = grants.Skip(start).Take(page.Limit).ToList();
        var items = new List<Caregiver>(slice.Count);
        foreach (var grant in slice)
        {
            var user = await users.GetAsync(grant.UserId, ct);
            items.Add(new Caregiver(grant.UserId, user?.DisplayName ?? string.Empty, grant.Role, grant.Since));
        }
        var next = start + slice.Count < grants.Count && slice.Count > 0 ? slice[^1].UserId : null;
        return new Page<Caregiver>(items, next);
    }

    public async Task<Caregiver> ChangeRoleAsync(BabyAccess access, string userId, Role role, CancellationToken ct)
    {
        RequireOwner(access);
        var grants = await babies.ListGrantsAsync(access, ct);
        var grant = grants.FirstOrDefault(g => g.UserId == userId) ?? throw new NotFoundException("caregiver");
        if (grant.Role == Role.Owner && role != Role.Owner)
        {
            RequireAnotherOwner(grants, userId, "demote");
        }
        var updated = grant with { Role = role };
        if (grant.Role != role)
        {
            await babies.PutGrantAsync(access, updated, ct);
        }
        var user = await users.GetAsync(userId, ct);
        return new Caregiver(userId, user?.DisplayName ?? string.Empty, role, grant.Since);
    }

    /// <summary>An owner revokes anyone; anyone may remove themselves (leave). Effective on the next request.</summary>
    public async Task RemoveAsync(BabyAccess access, string userId, CancellationToken ct)
    {
        var leaving = string.Equals(userId, access.ActorId, StringComparison.Ordinal);
        if (!leaving)
        {
            RequireOwner(access);
        }
        var grants = await babies.ListGrantsAsync(access, ct);
        var grant = grants.FirstOrDefault(g => g.UserId == userId) ?? throw new NotFoundException("caregiver");
        if (grant.Role == Role.Owner)
        {
            RequireAnotherOwner(grants, userId, leaving ? "leave" : "remove");
        }
        await babies.RemoveGrantAsync(access, userId, ct);
    }

    private static void RequireAnotherOwner(IReadOnlyList<AccessGrant> grants, string userId, string verb)
    {
        if (!grants.Any(g => g.Role == Role.Owner && g.UserId != userId))
        {
            var who = verb == "leave" ? "You are the last owner and cannot leave" : $"The last owner cannot be {(verb == "demote" ? "demoted" : "removed")}";
            throw new ConflictException($"{who}; make someone else an owner first, or delete the baby.");
        }
    }

    private static void RequireOwner(BabyAccess access)
    {
        if (!access.IsOwner)
        {
            throw new ForbiddenException("Only an owner can manage who has access.");
        }
    }

    private static bool SecretMatches(Invitation invitation, string secret) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Hashing.Sha256Hex(secret)), Encoding.ASCII.GetBytes(invitation.SecretHash));
}

/// <summary>The invitation code format: "{babyId}.{invitationId}.{secret}", URL-safe.</summary>
public static class InvitationCode
{
    public static string Format(string babyId, string invitationId, string secret) => $"{babyId}.{invitationId}.{secret}";

    public static bool TryParse(string? code, out string babyId, out string invitationId, out string secret)
    {
        var parts = code?.Split('.') ?? [];
        var ok = parts.Length == 3 && parts.All(p => p.Length is > 0 and <= 100);
        (babyId, invitationId, secret) = ok ? (parts[0], parts[1], parts[2]) : (string.Empty, string.Empty, string.Empty);
        return ok;
    }
}
