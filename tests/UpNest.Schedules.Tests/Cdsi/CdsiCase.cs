using UpNest.Schedules.Cdsi;

namespace UpNest.Schedules.Tests.Cdsi;

/// <summary>A small builder for CDSi test patients: birth date, sex, doses as (CVX, date).</summary>
internal sealed class CdsiCase(DateOnly dateOfBirth, CdsiSex sex = CdsiSex.Unknown)
{
    private readonly List<CdsiAdministeredDose> doses = [];

    public DateOnly Born => dateOfBirth;

    public CdsiCase Given(string cvx, DateOnly date)
    {
        doses.Add(new CdsiAdministeredDose("d" + doses.Count, cvx, date));
        return this;
    }

    public CdsiCase GivenAt(string cvx, int ageDays) => Given(cvx, dateOfBirth.AddDays(ageDays));

    public CdsiResult AsOf(DateOnly day) => CdsiEngine.Run(new CdsiPatient(dateOfBirth, sex), doses, day);

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
