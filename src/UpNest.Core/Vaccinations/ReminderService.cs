using UpNest.Core.Babies;
using UpNest.Core.Common;
using UpNest.Schedules.Vaccinations;

namespace UpNest.Core.Vaccinations;

/// <summary>
/// Writes a reminder for every dose that becomes due within <see cref="LeadDays"/> days, to
/// each owner and caregiver of the baby. It reads the sparse due-date index only (no pass
/// over all babies), and reminder ids are deterministic, so a run repeated on the same day,
/// or a day the job missed and caught up, never duplicates one.
/// </summary>
public sealed class ReminderService(IVaccinationStore doses, IBabyStore babies, IReminderOutbox outbox, TimeProvider clock)
{
    /// <summary>How many days ahead of the due date the family hears about a dose.</summary>
    public const int LeadDays = 7;

    // Only the authorizer and Core's jobs hold access proofs; this id never matches a grant.
    private const string JobUser = "job:reminders";

    /// <summary>Returns how many new reminders were written.</summary>
    public async Task<int> RunAsync(DateOnly today, CancellationToken ct)
    {
        var written = 0;
        var due = new List<VaccinationDose>();
        string? after = null;
        do
        {
            var page = await doses.ListDueBetweenAsync(today, today.AddDays(LeadDays), new PageRequest(PageRequest.MaxLimit, after), ct);
            due.AddRange(page.Items);
            after = page.Next;
        }
        while (after is not null);

        foreach (var group in due.GroupBy(d => d.BabyId, StringComparer.Ordinal))
        {
            written += await RemindAsync(group.Key, group.ToList(), today, ct);
        }
        return written;
    }

    private async Task<int> RemindAsync(string babyId, List<VaccinationDose> due, DateOnly today, CancellationToken ct)
    {
        var found = await babies.GetWithGrantAsync(babyId, JobUser, ct);
        if (found is null || found.Baby.DeletedAt is not null)
        {
            return 0;
        }
        var access = BabyAccess.ForSystem(found.Baby);
        var all = await doses.ListForBabyAsync(access, ct);
        var states = DoseStates.On(all, today);
        // Series rules apply (rotavirus lapses past its maximum age): never remind of a dose that cannot be given.
        var remind = due.Where(d => states.TryGetValue(d.Id, out var s) && s is DoseStatus.Upcoming or DoseStatus.Due).ToList();
        if (remind.Count == 0)
        {
            return 0;
        }
        var recipients = (await babies.ListGrantsAsync(access, ct)).Where(g => g.Role >= Role.Caregiver).Select(g => g.UserId).ToList();
        var written = 0;
        foreach (var dose in remind)
        {
            foreach (var userId in recipients)
            {
                var dueOn = dose.PendingDueOn!.Value;
                var id = Hashing.Sha256Hex($"{userId}|{babyId}|{dose.Id}|{dueOn:yyyy-MM-dd}")[..32];
                if (await outbox.AddAsync(new Reminder(id, userId, babyId, dose.Vaccine, dose.DoseNumber, dueOn, clock.GetUtcNow()), ct))
                {
                    written++;
                }
            }
        }
        return written;
    }
}
