using UpNest.Core.Vaccinations;
using UpNest.Schedules.Vaccinations;

namespace UpNest.Core.Tests.Vaccinations;

public sealed class DoseStatesTests
{
    private static readonly DateOnly Birth = new(2026, 1, 1);

    [Fact]
    public void Stored_facts_become_statuses_with_the_series_rules()
    {
        var records = Plan();
        records[Index(records, "HepB.1")] = records[Index(records, "HepB.1")] with { Given = new DoseGiven { GivenOn = Birth } };
        records[Index(records, "DTaP.1")] = records[Index(records, "DTaP.1")] with { SkipReason = "advice" };
        records.Add(new VaccinationDose
        {
            Id = "BCG.1", BabyId = "b", Vaccine = "BCG", DoseNumber = 1, Given = new DoseGiven { GivenOn = Birth }, CreatedBy = "u",
        });

        var states = DoseStates.On(records, Birth.AddDays(105));

        Assert.Equal(DoseStatus.Completed, states["HepB.1"]);
        Assert.Equal(DoseStatus.Skipped, states["DTaP.1"]);
        Assert.Equal(DoseStatus.Completed, states["BCG.1"]);
        Assert.Equal(DoseStatus.NotApplicable, states["RV.1"]);
        Assert.Equal(DoseStatus.NotApplicable, states["RV.2"]);
        Assert.Equal(DoseStatus.Due, states["HepB.2"]); // overdue from day 119
        Assert.Equal(DoseStatus.Upcoming, states["MMR.1"]);
    }

    [Fact]
    public void Only_a_planned_dose_neither_given_nor_skipped_is_in_the_due_index()
    {
        var dose = Plan()[0];

        Assert.Equal(dose.Planned!.DueOn, dose.PendingDueOn);
        Assert.Null((dose with { Given = new DoseGiven { GivenOn = Birth } }).PendingDueOn);
        Assert.Null((dose with { SkipReason = "r" }).PendingDueOn);
        Assert.Null((dose with { Planned = null, Given = new DoseGiven { GivenOn = Birth } }).PendingDueOn);
    }

    private static List<VaccinationDose> Plan() => VaccinationPlanner.Plan(Birth, "US").Select(p => new VaccinationDose
    {
        Id = VaccinationDose.IdFor(p.Vaccine, p.DoseNumber), BabyId = "b", Vaccine = p.Vaccine, DoseNumber = p.DoseNumber, Planned = p, CreatedBy = "u",
    }).ToList();

    private static int Index(List<VaccinationDose> records, string id) => records.FindIndex(r => r.Id == id);
}
