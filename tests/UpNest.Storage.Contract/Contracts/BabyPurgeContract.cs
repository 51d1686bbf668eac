using UpNest.Core.Babies;
using UpNest.Core.Common;
using UpNest.Core.Milestones;
using UpNest.Core.Sharing;
using UpNest.Core.Vaccinations;
using UpNest.Storage.Contract.Harness;

namespace UpNest.Storage.Contract.Contracts;

/// <summary>A purged baby takes its doses, milestones, invitations and reminders with it; another baby keeps its own.</summary>
public abstract class BabyPurgeContract(StoreHarness harness)
{
    private readonly CancellationToken _ct = CancellationToken.None;

    [Fact]
    public async Task Purge_removes_the_babys_doses_milestones_invitations_and_reminders()
    {
        var purged = await TestData.NewBabyAsync(harness);
        var kept = await TestData.NewBabyAsync(harness);
        var records = new Dictionary<string, (string InvitationId, string ReminderId)>();
        foreach (var access in new[] { purged, kept })
        {
            records[access.BabyId] = await RecordEverythingAsync(access);
        }

        await harness.Get<IBabyStore>().PurgeAsync(purged, _ct);

        var doses = harness.Get<IVaccinationStore>();
        var milestones = harness.Get<IMilestoneStore>();
        var invitations = harness.Get<IInvitationStore>();
        var outbox = harness.Get<IReminderOutbox>();
        Assert.Empty(await doses.ListForBabyAsync(purged, _ct));
        Assert.Empty(await milestones.ListForBabyAsync(purged, _ct));
        Assert.Null(await invitations.GetAsync(purged.BabyId, records[purged.BabyId].InvitationId, _ct));
        await Assert.ThrowsAsync<NotFoundException>(() => outbox.MarkDeliveredAsync(records[purged.BabyId].ReminderId, TestData.Now, _ct));
        var undelivered = await UndeliveredBabyIdsAsync(outbox);
        Assert.DoesNotContain(purged.BabyId, undelivered);

        Assert.Single(await doses.ListForBabyAsync(kept, _ct));
        Assert.Single(await milestones.ListForBabyAsync(kept, _ct));
        Assert.NotNull(await invitations.GetAsync(kept.BabyId, records[kept.BabyId].InvitationId, _ct));
        Assert.Contains(kept.BabyId, undelivered);
    }

    private async Task<(string InvitationId, string ReminderId)> RecordEverythingAsync(BabyAccess access)
    {
        await harness.Get<IVaccinationStore>().CreateAsync(access, new VaccinationDose
        {
            Id = "BCG.1", BabyId = access.BabyId, Vaccine = "BCG", DoseNumber = 1, Given = new DoseGiven { GivenOn = new DateOnly(2026, 1, 11) },
            CreatedBy = access.ActorId, CreatedAt = TestData.Now, UpdatedAt = TestData.Now,
        }, _ct);
        await harness.Get<IMilestoneStore>().CreateAsync(access, new MilestoneEntry
        {
            Key = "m2_smiles_back", BabyId = access.BabyId, AchievedOn = new DateOnly(2026, 3, 1),
            CreatedBy = access.ActorId, CreatedAt = TestData.Now, UpdatedAt = TestData.Now,
        }, _ct);
        var invitation = new Invitation
        {
            BabyId = access.BabyId, Id = TestData.NewId(), SecretHash = "h", Role = Role.Caregiver, CreatedBy = access.ActorId,
            CreatedAt = TestData.Now, ExpiresAt = TestData.Now.AddDays(7),
        };
        await harness.Get<IInvitationStore>().CreateAsync(access, invitation, _ct);
        var reminder = new Reminder(TestData.NewId(), access.ActorId, access.BabyId, "DTaP", 1, new DateOnly(2026, 3, 10), TestData.Now);
        Assert.True(await harness.Get<IReminderOutbox>().AddAsync(reminder, _ct));
        return (invitation.Id, reminder.Id);
    }

    private async Task<HashSet<string>> UndeliveredBabyIdsAsync(IReminderOutbox outbox)
    {
        var babyIds = new HashSet<string>(StringComparer.Ordinal);
        string? after = null;
        do
        {
            var page = await outbox.ListUndeliveredAsync(new PageRequest(PageRequest.MaxLimit, after), _ct);
            babyIds.UnionWith(page.Items.Select(r => r.BabyId));
            after = page.Next;
        }
        while (after is not null);
        return babyIds;
    }
}
