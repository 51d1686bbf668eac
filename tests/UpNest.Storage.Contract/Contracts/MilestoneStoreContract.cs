using UpNest.Core.Common;
using UpNest.Core.Milestones;
using UpNest.Schedules.Milestones;
using UpNest.Storage.Contract.Harness;

namespace UpNest.Storage.Contract.Contracts;

/// <summary>IMilestoneStore (QP8): one record per milestone key of a baby, with versions.</summary>
public abstract class MilestoneStoreContract(StoreHarness harness)
{
    private readonly IMilestoneStore _milestones = harness.Get<IMilestoneStore>();
    private readonly CancellationToken _ct = CancellationToken.None;

    [Fact]
    public async Task Records_read_back_by_key_and_the_list_holds_only_the_babys_own()
    {
        var access = await TestData.NewBabyAsync(harness);
        var other = await TestData.NewBabyAsync(harness);
        var achieved = Entry(access.BabyId, "m2_smiles_back") with { AchievedOn = new DateOnly(2026, 3, 1), Note = "at bath time" };
        var custom = Entry(access.BabyId, "custom-1") with { Title = "First swim", Domain = MilestoneDomain.MovementPhysical, ExpectedAgeMonths = 8.5m };
        await _milestones.CreateAsync(access, custom, _ct);
        await _milestones.CreateAsync(access, achieved, _ct);

        Assert.Equal(achieved, await _milestones.GetAsync(access, "m2_smiles_back", _ct));
        Assert.Equal(["custom-1", "m2_smiles_back"], (await _milestones.ListForBabyAsync(access, _ct)).Select(e => e.Key).ToArray());
        Assert.Equal(custom, (await _milestones.ListForBabyAsync(access, _ct))[0]);
        Assert.Empty(await _milestones.ListForBabyAsync(other, _ct));
        Assert.Null(await _milestones.GetAsync(other, "m2_smiles_back", _ct));
    }

    [Fact]
    public async Task A_key_is_created_once_and_updated_with_its_version()
    {
        var access = await TestData.NewBabyAsync(harness);
        var entry = Entry(access.BabyId, "who_standing_alone");
        await _milestones.CreateAsync(access, entry, _ct);
        await Assert.ThrowsAsync<ConflictException>(() => _milestones.CreateAsync(access, entry, _ct));

        var updated = await _milestones.UpdateAsync(access, entry with { Note = "holding the sofa" }, 1, _ct);

        Assert.Equal(2, updated.Version);
        await Assert.ThrowsAsync<PreconditionFailedException>(() => _milestones.UpdateAsync(access, entry, 1, _ct));
        await Assert.ThrowsAsync<NotFoundException>(() => _milestones.UpdateAsync(access, entry with { Key = "nope" }, 1, _ct));
    }

    private static MilestoneEntry Entry(string babyId, string key) => new()
    {
        Key = key, BabyId = babyId, CreatedBy = "u", CreatedAt = TestData.Now, UpdatedAt = TestData.Now,
    };
}
