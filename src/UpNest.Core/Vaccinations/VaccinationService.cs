using UpNest.Core.Babies;
using UpNest.Core.Common;
using UpNest.Core.Users;
using UpNest.Schedules.Vaccinations;

namespace UpNest.Core.Vaccinations;

/// <summary>Reading the baby's doses with their status today, and editing what was recorded about one.</summary>
public sealed class VaccinationService(IVaccinationStore doses, IBabyStore babies, IUserStore users, TimeProvider clock)
{
    /// <summary>
    /// QP7: the baby's doses in due-date order as they stood on <paramref name="asOf"/> (default: today in the caller's zone): doses
    /// given later are not yet given, statuses are those of that day, and US babies get CDSi's
    /// evaluation of every given dose and its forecast per vaccine group.
    /// </summary>
    public async Task<DoseList> ListAsOfAsync(BabyAccess access, IReadOnlySet<DoseStatus>? statuses, PageRequest page, DateOnly? asOf, CancellationToken ct)
    {
        var day = asOf ?? await TodayAsync(access.ActorId, ct);
        if (day < access.Baby.DateOfBirth)
        {
            throw new ValidationException("asOf", "asOf cannot be before the date of birth.");
        }
        var (forecast, all) = Forecast(access, AsOf(await doses.ListForBabyAsync(access, ct), day), day);
        var views = all.Where(v => statuses is null || statuses.Count == 0 || statuses.Contains(v.Status)).ToList();
        return new DoseList(InMemoryPage.Of(views, v => $"{v.Dose.SortOn:yyyy-MM-dd}|{v.Dose.Id}", page), day, forecast);
    }

    /// <summary>The records as they were on a day: a dose given later is still planned, one outside the schedule not there yet.</summary>
    private static List<VaccinationDose> AsOf(IReadOnlyList<VaccinationDose> records, DateOnly day) =>
        records.Where(r => r.Given is null || r.Given.GivenOn <= day || r.Planned is not null)
            .Select(r => r.Given is { } g && g.GivenOn > day ? r with { Given = null, Warnings = [], Reactions = [] } : r)
            .ToList();

    public async Task<DoseView> GetAsync(BabyAccess access, string doseId, CancellationToken ct)
    {
        var views = await ViewsAsync(access, await TodayAsync(access.ActorId, ct), ct);
        return views.FirstOrDefault(v => v.Dose.Id == doseId) ?? throw new NotFoundException("dose");
    }

    /// <summary>
    /// QP3 + QP7: doses due or overdue today, or becoming due within <paramref name="withinDays"/>
    /// days, across every baby the user can see; by due date, then baby, then dose.
    /// </summary>
    public async Task<Page<DueDoseView>> DueAsync(string userId, int withinDays, PageRequest page, CancellationToken ct)
    {
        if (withinDays is < 0 or > 365)
        {
            throw new ValidationException("withinDays", "withinDays must be between 0 and 365.");
        }
        var today = await TodayAsync(userId, ct);
        var until = today.AddDays(withinDays);
        var due = new List<DueDoseView>();
        string? after = null;
        do
        {
            var babiesPage = await babies.ListForUserAsync(userId, new PageRequest(PageRequest.MaxLimit, after), ct);
            foreach (var baby in babiesPage.Items)
            {
                // QP3 listed the user's own grants: that is the access proof for these reads.
                var access = new BabyAccess(baby.Baby, userId, baby.Role);
                due.AddRange((await ViewsAsync(access, today, ct))
                    .Where(v => v.Status is DoseStatus.Due or DoseStatus.Overdue
                        || (v.Status == DoseStatus.Upcoming && (v.Effective ?? v.Dose.Planned!).DueOn <= until))
                    .Select(v => new DueDoseView(v.Dose, v.Status, baby.Baby.Name)));
            }
            after = babiesPage.Next;
        }
        while (after is not null);
        var ordered = due.OrderBy(d => d.Dose.SortOn).ThenBy(d => d.Dose.BabyId, StringComparer.Ordinal)
            .ThenBy(d => d.Dose.Id, StringComparer.Ordinal).ToList();
        return InMemoryPage.Of(ordered, d => $"{d.Dose.SortOn:yyyy-MM-dd}|{d.Dose.BabyId}|{d.Dose.Id}", page);
    }

    /// <summary>Takes back a recorded dose: a planned one is planned again, one outside the schedule is removed.</summary>
    public async Task DeleteAsync(BabyAccess access, string doseId, long? expectedVersion, CancellationToken ct)
    {
        DoseRules.RequireWriter(access);
        var dose = await doses.GetAsync(access, doseId, ct) ?? throw new NotFoundException("dose");
        if (expectedVersion is { } v && v != dose.Version)
        {
            throw new PreconditionFailedException();
        }
        if (dose.Planned is null)
        {
            await doses.DeleteAsync(access, doseId, dose.Version, ct);
            return;
        }
        if (dose.Given is null)
        {
            throw new ConflictException("This dose has not been recorded as given; to leave it out, skip it instead.");
        }
        await doses.UpdateAsync(access, dose with { Given = null, Warnings = [], Reactions = [], UpdatedAt = clock.GetUtcNow() }, dose.Version, ct);
    }

    public async Task<IReadOnlyList<DoseView>> ViewsAsync(BabyAccess access, DateOnly today, CancellationToken ct) =>
        Forecast(access, await doses.ListForBabyAsync(access, ct), today).Views;

    /// <summary>The baby's forecast (US only) on a day and the doses' views that follow from it.</summary>
    private static (VaccinationForecast? Forecast, List<DoseView> Views) Forecast(BabyAccess access, IReadOnlyList<VaccinationDose> records, DateOnly day)
    {
        var forecast = VaccinationForecast.For(access.Baby, VaccinationPlanning.ScheduleFor(access.Baby), records, day);
        return (forecast, Views(records, forecast, day));
    }

    /// <summary>
    /// Statuses on a day; with a CDSi forecast (US) pending doses follow it: a dose is never due
    /// before the forecast's earliest date, and is not-applicable once CDSi closes its series
    /// (one Hib dose after 15 months). Elsewhere the schedule's minimum intervals hold the next dose. The items keep the schedule's dates (the contract); the
    /// dates the status came from are <see cref="DoseView.Effective"/>.
    /// </summary>
    private static List<DoseView> Views(IReadOnlyList<VaccinationDose> records, VaccinationForecast? forecast, DateOnly day)
    {
        var effective = records.ToDictionary(r => r.Id,
            r => forecast is null ? IntervalHold.Effective(r, records) : forecast.Effective(r, records), StringComparer.Ordinal);
        var states = DoseStates.On(records.Select(r => r with { Planned = effective[r.Id] }).ToList(), day);
        return records.OrderBy(r => r.SortOn).ThenBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => new DoseView(r, states.GetValueOrDefault(r.Id, DoseStatus.Upcoming)) { Effective = effective[r.Id] })
            .Select(v => forecast is not null && v.Status is DoseStatus.Upcoming or DoseStatus.Due or DoseStatus.Overdue && forecast.Closes(v.Dose.Vaccine)
                ? v with { Status = DoseStatus.NotApplicable }
                : v)
            .ToList();
    }

    public async Task<DateOnly> TodayAsync(string userId, CancellationToken ct)
    {
        var user = await users.GetAsync(userId, ct);
        return UserClock.Today(clock, user?.TimeZone);
    }
}
