using System.Security.Cryptography;
using System.Text;
using UpNest.Core.Babies;
using UpNest.Core.Common;
using UpNest.Schedules.Vaccinations;

namespace UpNest.Core.Vaccinations;

/// <summary>
/// The baby's pending doses as an iCalendar feed, and the secret link calendar apps use
/// (they cannot send a bearer token). The link token is "{babyId}.{secret}": the baby id
/// finds the record with one read, and only the secret's SHA-256 is stored on the baby, so
/// a new link replaces the old at once and a stolen database holds no working link.
/// </summary>
public sealed class CalendarService(IBabyStore babies, VaccinationService reads, IIdGenerator ids, TimeProvider clock)
{
    // The calendar reader is nobody's user id; it only ever reads the baby record (QP4 without a grant).
    private const string CalendarReader = "calendar:link";

    /// <summary>Makes a new link token for the baby, replacing any earlier one (owner only).</summary>
    public async Task<string> CreateLinkAsync(BabyAccess access, CancellationToken ct)
    {
        if (!access.IsOwner)
        {
            throw new ForbiddenException("Only an owner can create a calendar link.");
        }
        var secret = ids.NewSecret(32);
        var baby = access.Baby with { CalendarSecretHash = Hashing.Sha256Hex(secret), UpdatedAt = clock.GetUtcNow() };
        await babies.UpdateAsync(access, baby, access.Baby.Version, ct);
        return access.BabyId + "." + secret;
    }

    /// <summary>Ends the link: calendar apps holding it get 404 from now on.</summary>
    public async Task RevokeLinkAsync(BabyAccess access, CancellationToken ct)
    {
        if (!access.IsOwner)
        {
            throw new ForbiddenException("Only an owner can remove the calendar link.");
        }
        if (access.Baby.CalendarSecretHash is not null)
        {
            await babies.UpdateAsync(access, access.Baby with { CalendarSecretHash = null, UpdatedAt = clock.GetUtcNow() }, access.Baby.Version, ct);
        }
    }

    /// <summary>The feed for a bearer-token caller.</summary>
    public async Task<string> FeedAsync(BabyAccess access, CancellationToken ct) =>
        Render(access, await reads.ViewsAsync(access, await reads.TodayAsync(access.ActorId, ct), ct));

    /// <summary>The feed for a link token; anything wrong (format, baby, secret, deleted) is the same 404.</summary>
    public async Task<string> FeedForLinkAsync(string token, CancellationToken ct)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot is < 1 or > 64 || token.Length - dot - 1 is < 16 or > 128)
        {
            throw new NotFoundException("calendar");
        }
        var found = await babies.GetWithGrantAsync(token[..dot], CalendarReader, ct);
        var stored = found?.Baby.CalendarSecretHash;
        var presented = Hashing.Sha256Hex(token[(dot + 1)..]);
        if (found is null || found.Baby.DeletedAt is not null || stored is null
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(presented)))
        {
            throw new NotFoundException("calendar");
        }
        // Read-only use of a system proof: the link holder sees the feed and nothing else.
        var access = BabyAccess.ForSystem(found.Baby);
        var today = UserClock.Today(clock, null);
        return Render(access, await reads.ViewsAsync(access, today, ct));
    }

    private string Render(BabyAccess access, IReadOnlyList<DoseView> views)
    {
        var pending = views.Where(v => v.Dose.Planned is not null && v.Status is DoseStatus.Upcoming or DoseStatus.Due or DoseStatus.Overdue)
            .Select(v => new IcsEvent(
                Uid: Hashing.Sha256Hex(access.BabyId + "|" + v.Dose.Id)[..32] + "@upnest",
                // The dates the status came from: a dose late or not valid moves the next one.
                Day: (v.Effective ?? v.Dose.Planned!).DueOn,
                Summary: $"{v.Dose.Planned!.DisplayName} dose {v.Dose.DoseNumber}",
                Description: Describe(v.Effective ?? v.Dose.Planned)));
        return IcsCalendar.Write("Vaccinations", pending, clock.GetUtcNow());
    }

    private static string Describe(PlannedDose dose) =>
        $"Due from {dose.DueOn:yyyy-MM-dd}" + (dose.OverdueOn is { } o ? $"; overdue from {o:yyyy-MM-dd}" : "") +
        $". Schedule: {ScheduleCatalog.All.FirstOrDefault(s => s.Id == dose.Schedule)?.Name ?? dose.Schedule}.";
}
