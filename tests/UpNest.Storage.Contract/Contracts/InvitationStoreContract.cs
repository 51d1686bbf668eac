using UpNest.Core.Babies;
using UpNest.Core.Common;
using UpNest.Core.Sharing;
using UpNest.Storage.Contract.Harness;

namespace UpNest.Storage.Contract.Contracts;

/// <summary>IInvitationStore: one invitation per baby and id, read by its key, used at most once.</summary>
public abstract class InvitationStoreContract(StoreHarness harness)
{
    private readonly IInvitationStore _invitations = harness.Get<IInvitationStore>();
    private readonly CancellationToken _ct = CancellationToken.None;

    [Fact]
    public async Task An_invitation_reads_back_by_its_baby_and_id_only()
    {
        var access = await TestData.NewBabyAsync(harness);
        var other = await TestData.NewBabyAsync(harness);
        var invitation = Invitation(access) with { Email = "grandma@example.test", Role = Role.Viewer };
        await _invitations.CreateAsync(access, invitation, _ct);

        Assert.Equal(invitation, await _invitations.GetAsync(access.BabyId, invitation.Id, _ct));
        Assert.Null(await _invitations.GetAsync(other.BabyId, invitation.Id, _ct));
        Assert.Null(await _invitations.GetAsync(access.BabyId, TestData.NewId(), _ct));
    }

    [Fact]
    public async Task The_same_id_twice_is_a_conflict()
    {
        var access = await TestData.NewBabyAsync(harness);
        var invitation = Invitation(access);
        await _invitations.CreateAsync(access, invitation, _ct);

        await Assert.ThrowsAsync<ConflictException>(() => _invitations.CreateAsync(access, invitation with { Role = Role.Owner }, _ct));
        Assert.Equal(Role.Caregiver, (await _invitations.GetAsync(access.BabyId, invitation.Id, _ct))!.Role);
    }

    [Fact]
    public async Task A_used_invitation_records_who_and_when_and_cannot_be_used_again()
    {
        var access = await TestData.NewBabyAsync(harness);
        var invitation = Invitation(access);
        await _invitations.CreateAsync(access, invitation, _ct);
        var usedAt = TestData.Now.AddHours(3);

        await _invitations.MarkUsedAsync(access.BabyId, invitation.Id, "user-a", usedAt, _ct);

        var used = await _invitations.GetAsync(access.BabyId, invitation.Id, _ct);
        Assert.Equal(invitation with { UsedAt = usedAt, UsedBy = "user-a" }, used);
        await Assert.ThrowsAsync<ConflictException>(
            () => _invitations.MarkUsedAsync(access.BabyId, invitation.Id, "user-b", usedAt.AddMinutes(1), _ct));
        Assert.Equal("user-a", (await _invitations.GetAsync(access.BabyId, invitation.Id, _ct))!.UsedBy);
    }

    [Fact]
    public async Task Of_redemptions_racing_for_one_invitation_exactly_one_wins()
    {
        var access = await TestData.NewBabyAsync(harness);
        var invitation = Invitation(access);
        await _invitations.CreateAsync(access, invitation, _ct);
        var users = Enumerable.Range(1, 6).Select(i => $"racer-{i}").ToList();

        var outcomes = await Task.WhenAll(users.Select(async user =>
        {
            try
            {
                await _invitations.MarkUsedAsync(access.BabyId, invitation.Id, user, TestData.Now.AddHours(1), _ct);
                return user;
            }
            catch (ConflictException)
            {
                return null;
            }
        }));

        var winner = Assert.Single(outcomes, o => o is not null);
        Assert.Equal(winner, (await _invitations.GetAsync(access.BabyId, invitation.Id, _ct))!.UsedBy);
    }

    private static Invitation Invitation(BabyAccess access) => new()
    {
        BabyId = access.BabyId,
        Id = TestData.NewId(),
        SecretHash = "c2VjcmV0LWhhc2g",
        Role = Role.Caregiver,
        CreatedBy = access.ActorId,
        CreatedAt = TestData.Now,
        ExpiresAt = TestData.Now.AddDays(7),
    };
}
