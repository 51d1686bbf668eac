using UpNest.Core.Common;
using UpNest.Core.Measurements;
using UpNest.Storage.Contract.Harness;

namespace UpNest.Storage.Contract.Contracts;

public abstract class MeasurementStoreContract(StoreHarness harness)
{
    private readonly IMeasurementStore _measurements = harness.Get<IMeasurementStore>();
    private readonly CancellationToken _ct = CancellationToken.None;

    [Fact]
    public async Task A_created_measurement_reads_back_as_written()
    {
        var access = await TestData.NewBabyAsync(harness);
        var measurement = TestData.Measurement(access.BabyId, new DateOnly(2026, 2, 3)) with { HeadCircumferenceCm = 37.2, Note = "clinic" };
        await _measurements.CreateAsync(access, measurement, _ct);

        Assert.Equal(measurement, await _measurements.GetAsync(access, measurement.Id, _ct));
    }

    [Fact]
    public async Task The_same_id_twice_is_a_conflict()
    {
        var access = await TestData.NewBabyAsync(harness);
        var measurement = TestData.Measurement(access.BabyId, new DateOnly(2026, 2, 3));
        await _measurements.CreateAsync(access, measurement, _ct);

        await Assert.ThrowsAsync<ConflictException>(() => _measurements.CreateAsync(access, measurement, _ct));
    }

    [Fact]
    public async Task A_new_baby_has_no_measurements_and_no_latest()
    {
        var access = await TestData.NewBabyAsync(harness);

        var page = await _measurements.ListAsync(access, null, null, new PageRequest(10), _ct);

        Assert.Empty(page.Items);
        Assert.Null(page.Next);
        Assert.Null(await _measurements.GetLatestAsync(access, _ct));
    }

    [Fact]
    public async Task The_list_is_oldest_first_ties_by_id_within_from_and_to_and_pages_through_next_tokens()
    {
        var access = await TestData.NewBabyAsync(harness);
        var days = new[] { 20, 3, 10, 10, 15, 1, 28, 10 };
        var created = new List<Measurement>();
        foreach (var day in days)
        {
            var measurement = TestData.Measurement(access.BabyId, new DateOnly(2026, 2, day));
            created.Add(measurement);
            await _measurements.CreateAsync(access, measurement, _ct);
        }
        DateOnly from = new(2026, 2, 3), to = new(2026, 2, 20);
        var expected = created.Where(m => m.MeasuredOn >= from && m.MeasuredOn <= to)
            .OrderBy(m => m.MeasuredOn).ThenBy(m => m.Id, StringComparer.Ordinal).Select(m => m.Id).ToList();

        var seen = new List<string>();
        var pages = 0;
        string? after = null;
        do
        {
            var page = await _measurements.ListAsync(access, from, to, new PageRequest(2, after), _ct);
            Assert.True(page.Items.Count is > 0 and <= 2);
            seen.AddRange(page.Items.Select(m => m.Id));
            after = page.Next;
            pages++;
        }
        while (after is not null);

        Assert.Equal(expected, seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Latest_is_the_newest_date_then_the_highest_id()
    {
        var access = await TestData.NewBabyAsync(harness);
        await _measurements.CreateAsync(access, TestData.Measurement(access.BabyId, new DateOnly(2026, 2, 1)), _ct);
        var sameDay = new[] { "m-a", "m-c", "m-b" };
        foreach (var id in sameDay)
        {
            await _measurements.CreateAsync(access, TestData.Measurement(access.BabyId, new DateOnly(2026, 2, 9), id), _ct);
        }
        await _measurements.CreateAsync(access, TestData.Measurement(access.BabyId, new DateOnly(2026, 2, 5)), _ct);

        Assert.Equal("m-c", (await _measurements.GetLatestAsync(access, _ct))!.Id);
    }

    [Fact]
    public async Task Update_checks_the_version_and_a_missing_measurement_is_not_found()
    {
        var access = await TestData.NewBabyAsync(harness);
        var measurement = TestData.Measurement(access.BabyId, new DateOnly(2026, 2, 3));
        await _measurements.CreateAsync(access, measurement, _ct);

        var updated = await _measurements.UpdateAsync(access, measurement with { WeightKg = 4.5, MeasuredOn = new DateOnly(2026, 2, 4) }, 1, _ct);

        Assert.Equal(2, updated.Version);
        Assert.Equal(new DateOnly(2026, 2, 4), (await _measurements.GetLatestAsync(access, _ct))!.MeasuredOn);
        await Assert.ThrowsAsync<PreconditionFailedException>(() => _measurements.UpdateAsync(access, measurement, 1, _ct));
        await Assert.ThrowsAsync<NotFoundException>(
            () => _measurements.UpdateAsync(access, TestData.Measurement(access.BabyId, new DateOnly(2026, 2, 3)), 1, _ct));
    }

    [Fact]
    public async Task Delete_checks_the_version_when_given_and_a_missing_one_is_not_found()
    {
        var access = await TestData.NewBabyAsync(harness);
        var measurement = TestData.Measurement(access.BabyId, new DateOnly(2026, 2, 3));
        await _measurements.CreateAsync(access, measurement, _ct);

        await Assert.ThrowsAsync<PreconditionFailedException>(() => _measurements.DeleteAsync(access, measurement.Id, 7, _ct));
        await _measurements.DeleteAsync(access, measurement.Id, 1, _ct);

        Assert.Null(await _measurements.GetAsync(access, measurement.Id, _ct));
        await Assert.ThrowsAsync<NotFoundException>(() => _measurements.DeleteAsync(access, measurement.Id, null, _ct));
    }

    [Fact]
    public async Task A_measurement_of_one_baby_cannot_be_reached_through_another_babys_access()
    {
        var babyA = await TestData.NewBabyAsync(harness);
        var babyB = await TestData.NewBabyAsync(harness, babyA.ActorId);
        var measurement = TestData.Measurement(babyA.BabyId, new DateOnly(2026, 2, 3));
        await _measurements.CreateAsync(babyA, measurement, _ct);

        Assert.Null(await _measurements.GetAsync(babyB, measurement.Id, _ct));
        Assert.Empty((await _measurements.ListAsync(babyB, null, null, new PageRequest(10), _ct)).Items);
        Assert.Null(await _measurements.GetLatestAsync(babyB, _ct));
        await Assert.ThrowsAsync<NotFoundException>(() => _measurements.UpdateAsync(babyB, measurement, 1, _ct));
        await Assert.ThrowsAsync<NotFoundException>(() => _measurements.DeleteAsync(babyB, measurement.Id, null, _ct));
        Assert.NotNull(await _measurements.GetAsync(babyA, measurement.Id, _ct));
    }
}
