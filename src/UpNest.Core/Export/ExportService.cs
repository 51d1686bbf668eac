using UpNest.Core.Babies;
using UpNest.Core.Common;
using UpNest.Core.Measurements;
using UpNest.Core.Milestones;
using UpNest.Core.Users;
using UpNest.Core.Vaccinations;

namespace UpNest.Core.Export;

/// <summary>Everything exported about one baby, as the caller may see it.</summary>
public sealed record BabyExport(
    Baby Baby, Role Role, IReadOnlyList<Measurement> Measurements, IReadOnlyList<VaccinationDose> Doses, IReadOnlyList<MilestoneEntry> Milestones);

/// <summary>Everything a user can access: their profile and each baby's export.</summary>
public sealed record UserExport(User User, IReadOnlyList<BabyExport> Babies);

/// <summary>
/// Gathers the records for an export. Reads go through the same access proof as every other
/// baby read: the user export authorizes each baby it lists.
/// </summary>
public sealed class ExportService(
    IBabyStore babies,
    IMeasurementStore measurements,
    IUserStore users,
    BabyAuthorizer authorizer,
    IVaccinationStore? vaccinations = null,
    IMilestoneStore? milestones = null)
{
    private const int PageSize = PageRequest.MaxLimit;

    public async Task<BabyExport> ExportBabyAsync(BabyAccess access, CancellationToken ct)
    {
        var all = new List<Measurement>();
        string? after = null;
        do
        {
            var page = await measurements.ListAsync(access, null, null, new PageRequest(PageSize, after), ct);
            all.AddRange(page.Items);
            after = page.Next;
        }
        while (after is not null);
        var doses = vaccinations is null ? [] : await vaccinations.ListForBabyAsync(access, ct);
        var recorded = milestones is null ? [] : await milestones.ListForBabyAsync(access, ct);
        return new BabyExport(access.Baby, access.Role, all, doses, recorded);
    }

    public async Task<UserExport> ExportUserAsync(string userId, CancellationToken ct)
    {
        var user = await users.GetAsync(userId, ct) ?? throw new NotFoundException("user");
        var exports = new List<BabyExport>();
        string? after = null;
        do
        {
            var page = await babies.ListForUserAsync(userId, new PageRequest(PageSize, after), ct);
            foreach (var item in page.Items)
            {
                var access = await authorizer.AuthorizeAsync(userId, item.Baby.Id, Role.Viewer, ct);
                exports.Add(await ExportBabyAsync(access, ct));
            }
            after = page.Next;
        }
        while (after is not null);
        return new UserExport(user, exports);
    }
}
