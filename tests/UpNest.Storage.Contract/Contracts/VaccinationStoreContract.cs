using UpNest.Core.Babies;
using UpNest.Core.Common;
using UpNest.Core.Vaccinations;
using UpNest.Schedules.Vaccinations;
using UpNest.Storage.Contract.Harness;

namespace UpNest.Storage.Contract.Contracts;

/// <summary>IVaccinationStore (QP7): the baby's doses, versions, and the sparse due-date index.</summary>
public abstract class VaccinationStoreContract(StoreHarness harness)
{
    private static readonly DateOnly Birth = new(2026, 1, 10);
    private readonly IVaccinationStore _doses = harness.Get<IVaccinationStore>();
    private readonly CancellationToken _ct = CancellationToken.None;

    [Fact]
    public async Task A_plan_reads_back_in_due_date_order_and_a_replan_removes_what_is_not_listed()
    {
        var access = await TestData.NewBabyAsync(harness);
        var plan = Plan(access);
        await _doses.ReplacePlanAsync(access, plan, _ct);

        var read = await _doses.ListForBabyAsync(access, _ct);
        Assert.Equal(plan.OrderBy(d => d.SortOn).ThenBy(d => d.Id, StringComparer.Ordinal).Select(d => d.Id), read.Select(d => d.Id));
        Assert.Equal(Json(plan.Single(d => d.Id == "HepB.2")), Json(read.Single(d => d.Id == "HepB.2")));

        await _doses.ReplacePlanAsync(access, plan.Take(3).ToList(), _ct);
        Assert.Equal(3, (await _doses.ListForBabyAsync(access, _ct)).Count);
    }

    [Fact]
    public async Task Updates_check_the_version_and_a_missing_dose_is_not_found()
    {
        var access = await TestData.NewBabyAsync(harness);
        await _doses.ReplacePlanAsync(access, Plan(access), _ct);
        var dose = (await _doses.GetAsync(access, "HepB.1", _ct))!;

        var given = await _doses.UpdateAsync(access, dose with { Given = new DoseGiven { GivenOn = Birth, Cvx = "08" } }, dose.Version, _ct);

        Assert.Equal(dose.Version + 1, given.Version);
        Assert.Equal(Json(given), Json(await _doses.GetAsync(access, "HepB.1", _ct)));
        await Assert.ThrowsAsync<PreconditionFailedException>(() => _doses.UpdateAsync(access, dose, dose.Version, _ct));
        await Assert.ThrowsAsync<NotFoundException>(() => _doses.UpdateAsync(access, dose with { Id = "Nope.1" }, 1, _ct));
        await Assert.ThrowsAsync<NotFoundException>(() => _doses.DeleteAsync(access, "Nope.1", null, _ct));
    }

    [Fact]
    public async Task A_dose_outside_the_schedule_is_created_once_and_deleted_with_its_version()
    {
        var access = await TestData.NewBabyAsync(harness);
        var dose = new VaccinationDose
        {
            Id = "BCG.1", BabyId = access.BabyId, Vaccine = "BCG", DoseNumber = 1, Given = new DoseGiven { GivenOn = Birth },
            Warnings = [new DoseWarning("not-in-schedule", "m")], CreatedBy = "u", CreatedAt = TestData.Now, UpdatedAt = TestData.Now,
        };
        await _doses.CreateAsync(access, dose, _ct);

        await Assert.ThrowsAsync<ConflictException>(() => _doses.CreateAsync(access, dose, _ct));
        await Assert.ThrowsAsync<PreconditionFailedException>(() => _doses.DeleteAsync(access, "BCG.1", 9, _ct));
        await _doses.DeleteAsync(access, "BCG.1", 1, _ct);
        Assert.Null(await _doses.GetAsync(access, "BCG.1", _ct));
    }

    [Fact]
    public async Task Another_babys_access_sees_none_of_its_doses()
    {
        var access = await TestData.NewBabyAsync(harness);
        var other = await TestData.NewBabyAsync(harness);
        await _doses.ReplacePlanAsync(access, Plan(access), _ct);

        Assert.Empty(await _doses.ListForBabyAsync(other, _ct));
        Assert.Null(await _doses.GetAsync(other, "HepB.1", _ct));
    }

    [Fact]
    public async Task Due_between_lists_only_pending_doses_in_the_range_across_babies_and_pages()
    {
        // A birth date no other test uses, so the range holds only this test's doses.
        var birth = new DateOnly(1990, 1, 1).AddDays(Random.Shared.Next(0, 5000));
        var first = await TestData.NewBabyAsync(harness);
        var second = await TestData.NewBabyAsync(harness);
        await _doses.ReplacePlanAsync(first, Plan(first, birth), _ct);
        await _doses.ReplacePlanAsync(second, Plan(second, birth), _ct);
        var given = (await _doses.GetAsync(first, "DTaP.1", _ct))!;
        await _doses.UpdateAsync(first, given with { Given = new DoseGiven { GivenOn = birth.AddDays(61) } }, given.Version, _ct);
        var skipped = (await _doses.GetAsync(second, "IPV.1", _ct))!;
        await _doses.UpdateAsync(second, skipped with { SkipReason = "doctor's advice" }, skipped.Version, _ct);
        DateOnly from = birth.AddDays(28), to = birth.AddDays(61);

        var seen = new List<VaccinationDose>();
        string? after = null;
        do
        {
            var page = await _doses.ListDueBetweenAsync(from, to, new PageRequest(3, after), _ct);
            seen.AddRange(page.Items);
            after = page.Next;
        }
        while (after is not null);

        var expected = (await _doses.ListForBabyAsync(first, _ct)).Concat(await _doses.ListForBabyAsync(second, _ct))
            .Where(d => d.PendingDueOn is { } due && due >= from && due <= to)
            .OrderBy(d => d.PendingDueOn).ThenBy(d => d.BabyId, StringComparer.Ordinal).ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => d.BabyId + "/" + d.Id).ToList();
        Assert.True(expected.Count > 6);
        Assert.Equal(expected, seen.Select(d => d.BabyId + "/" + d.Id));
        Assert.DoesNotContain(seen, d => d.BabyId == first.BabyId && d.Id == "DTaP.1");
        Assert.DoesNotContain(seen, d => d.BabyId == second.BabyId && d.Id == "IPV.1");
    }

    // The records hold lists, which record equality compares by reference: compare what is stored instead.
    private static string Json(VaccinationDose? dose) => System.Text.Json.JsonSerializer.Serialize(dose);

    private static List<VaccinationDose> Plan(BabyAccess access, DateOnly? birth = null) =>
        VaccinationPlanner.Plan(birth ?? Birth, "US").Select(p => new VaccinationDose
        {
            Id = VaccinationDose.IdFor(p.Vaccine, p.DoseNumber), BabyId = access.BabyId, Vaccine = p.Vaccine, DoseNumber = p.DoseNumber,
            Planned = p, CreatedBy = "u", CreatedAt = TestData.Now, UpdatedAt = TestData.Now,
        }).ToList();
}
