using UpNest.Core.Common;

namespace UpNest.Core.Babies;

/// <summary>
/// The one authorization path for baby-scoped work. A caller without a grant, or asking for a
/// soft-deleted baby, learns nothing (404); a caller whose role is too low gets 403.
/// </summary>
public sealed class BabyAuthorizer(IBabyStore babies)
{
    public async Task<BabyAccess> AuthorizeAsync(
        string userId, string babyId, Role minimum, CancellationToken ct, bool includeDeleted = false)
    {
        var found = await babies.GetWithGrantAsync(babyId, userId, ct);
        if (found?.Grant is null || (found.Baby.DeletedAt is not null && !includeDeleted))
        {
            throw new NotFoundException("baby");
        }
        if (found.Grant.Role < minimum)
        {
            throw new ForbiddenException();
        }
        return new BabyAccess(found.Baby, userId, found.Grant.Role);
    }
}
