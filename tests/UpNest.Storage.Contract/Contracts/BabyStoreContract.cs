using UpNest.Core.Babies;
using UpNest.Core.Common;
using UpNest.Core.Measurements;
using UpNest.Storage.Contract.Harness;

namespace UpNest.Storage.Contract.Contracts;

public abstract class BabyStoreContract(StoreHarness harness)
{
    private readonly IBabyStore _babies = harness.Get<IBabyStore>();
    private readonly CancellationToken _ct = CancellationToken.None;

    [Fact]
    public async Task A_created_baby_comes_back_with_its_owner_grant()
    {
        var ownerId = TestData.NewId();
        var baby = TestData.Baby(ownerId);
        await _babies.CreateAsync(baby, TestData.Grant(baby.Id, ownerId, Role.Owner), _ct);

        var found = await _babies.GetWithGrantAsync(baby.Id, ownerId, _ct);

        Assert.Equal(baby, found!.Baby);
        Assert.Equal(Role.Owner, found.Grant!.Role);
    }

    [Fact]
    public async Task A_stranger_gets_the_baby_without_a_grant_and_an_unknown_baby_is_null()
    {
        var access = await TestData.NewBabyAsync(harness);

        var seen = await _babies.GetWithGrantAsync(access.BabyId, TestData.NewId(), _ct);

        Assert.NotNull(seen);
        Assert.Null(seen.Grant);
        Assert.Null(await _babies.GetWithGrantAsync(TestData.NewId(), access.ActorId, _ct));
        await Assert.ThrowsAsync<NotFoundException>(() => harness.AccessAsync(TestData.NewId(), access.BabyId));
    }

    [Fact]
    public async Task Creating_the_same_baby_twice_is_a_conflict()
    {
        var access = await TestData.NewBabyAsync(harness);
        var again = TestData.Baby(access.ActorId, access.BabyId);

        await Assert.ThrowsAsync<ConflictException>(
            () => _babies.CreateAsync(again, TestData.Grant(again.Id, access.ActorId, Role.Owner), _ct));
    }

    [Fact]
    public async Task The_babies_of_a_user_page_in_id_order_with_the_users_role()
    {
        var ownerId = TestData.NewId();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await TestData.NewBabyAsync(harness, ownerId)).BabyId);
        }

        var seen = new List<BabyWithRole>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await _babies.ListForUserAsync(ownerId, new PageRequest(2, after), _ct);
            seen.AddRange(page.Items);
            after = page.Next;
            pages++;
        }
        while (after is not null);

        Assert.Equal(3, pages);
        Assert.Equal(ids.Order(StringComparer.Ordinal), seen.Select(b => b.Baby.Id));
        Assert.All(seen, b => Assert.Equal(Role.Owner, b.Role));
    }

    [Fact]
    public async Task Soft_deleted_babies_leave_the_list_but_stay_readable_for_restore()
    {
        var access = await TestData.NewBabyAsync(harness);
        await _babies.UpdateAsync(access, access.Baby with { DeletedAt = TestData.Now }, 1, _ct);

        var page = await _babies.ListForUserAsync(access.ActorId, new PageRequest(50), _ct);

        Assert.Empty(page.Items);
        Assert.Equal(TestData.Now, (await _babies.GetWithGrantAsync(access.BabyId, access.ActorId, _ct))!.Baby.DeletedAt);
    }

    [Fact]
    public async Task Update_checks_the_version_and_stores_the_next_one()
    {
        var access = await TestData.NewBabyAsync(harness);

        var renamed = await _babies.UpdateAsync(access, access.Baby with { Name = "Grace" }, 1, _ct);

        Assert.Equal(2, renamed.Version);
        await Assert.ThrowsAsync<PreconditionFailedException>(
            () => _babies.UpdateAsync(access, access.Baby with { Name = "Stale" }, 1, _ct));
        Assert.Equal("Grace", (await _babies.GetWithGrantAsync(access.BabyId, access.ActorId, _ct))!.Baby.Name);
    }

    [Fact]
    public async Task Grants_are_added_listed_owners_first_and_removed()
    {
        var access = await TestData.NewBabyAsync(harness);
        var caregiver = TestData.NewId();
        var viewer = TestData.NewId();
        await _babies.PutGrantAsync(access, TestData.Grant(access.BabyId, viewer, Role.Viewer), _ct);
        await _babies.PutGrantAsync(access, TestData.Grant(access.BabyId, caregiver, Role.Caregiver), _ct);

        var grants = await _babies.ListGrantsAsync(access, _ct);
        Assert.Equal([Role.Owner, Role.Caregiver, Role.Viewer], grants.Select(g => g.Role));
        Assert.Equal(Role.Caregiver, Assert.Single((await _babies.ListForUserAsync(caregiver, new PageRequest(10), _ct)).Items).Role);

        await _babies.RemoveGrantAsync(access, caregiver, _ct);

        Assert.Empty((await _babies.ListForUserAsync(caregiver, new PageRequest(10), _ct)).Items);
        Assert.Null((await _babies.GetWithGrantAsync(access.BabyId, caregiver, _ct))!.Grant);
        await Assert.ThrowsAsync<NotFoundException>(() => _babies.RemoveGrantAsync(access, caregiver, _ct));
    }

    [Fact]
    public async Task Babies_deleted_before_the_cutoff_are_listed_for_the_purge()
    {
        var cutoff = new DateTimeOffset(2001, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var old = await TestData.NewBabyAsync(harness);
        var recent = await TestData.NewBabyAsync(harness);
        var live = await TestData.NewBabyAsync(harness);
        await _babies.UpdateAsync(old, old.Baby with { DeletedAt = cutoff.AddHours(-1) }, 1, _ct);
        await _babies.UpdateAsync(recent, recent.Baby with { DeletedAt = cutoff.AddHours(1) }, 1, _ct);

        var due = await _babies.ListDeletedBeforeAsync(cutoff, 100, _ct);

        Assert.Contains(old.BabyId, due);
        Assert.DoesNotContain(recent.BabyId, due);
        Assert.DoesNotContain(live.BabyId, due);
    }

    [Fact]
    public async Task Purge_removes_the_baby_its_grants_and_its_measurements()
    {
        var access = await TestData.NewBabyAsync(harness);
        var caregiver = TestData.NewId();
        await _babies.PutGrantAsync(access, TestData.Grant(access.BabyId, caregiver, Role.Caregiver), _ct);
        var measurements = harness.Get<IMeasurementStore>();
        var measurement = TestData.Measurement(access.BabyId, new DateOnly(2026, 2, 1));
        await measurements.CreateAsync(access, measurement, _ct);

        await _babies.PurgeAsync(access, _ct);

        Assert.Null(await _babies.GetWithGrantAsync(access.BabyId, access.ActorId, _ct));
        Assert.Empty((await _babies.ListForUserAsync(caregiver, new PageRequest(10), _ct)).Items);
        Assert.Null(await measurements.GetAsync(access, measurement.Id, _ct));
        Assert.Null(await measurements.GetLatestAsync(access, _ct));
    }
}
