using UpNest.Core.Babies;
using UpNest.Core.Common;

namespace UpNest.Core.Users;

/// <summary>
/// Deleting an account is soft for the grace period: the account and the babies it alone owns are
/// hidden at once and come back together on restore; the purge job removes them afterwards.
/// </summary>
public sealed class AccountDeletion(IUserStore users, IBabyStore babies, TimeProvider clock)
{
    public async Task DeleteAsync(string userId, long? expectedVersion, CancellationToken ct)
    {
        var user = await users.GetAsync(userId, ct) ?? throw new NotFoundException("user");
        if (expectedVersion is { } v && v != user.Version)
        {
            throw new PreconditionFailedException();
        }
        if (user.DeletedAt is not null)
        {
            return;
        }
        var now = clock.GetUtcNow();
        await foreach (var access in SoleOwnedBabiesAsync(userId, ct))
        {
            await babies.UpdateAsync(access, access.Baby with { DeletedAt = now, UpdatedAt = now }, access.Baby.Version, ct);
        }
        await users.UpdateAsync(user with { DeletedAt = now, UpdatedAt = now }, user.Version, ct);
    }

    public async Task<User> RestoreAsync(string userId, CancellationToken ct)
    {
        var user = await users.GetAsync(userId, ct) ?? throw new NotFoundException("user");
        if (user.DeletedAt is not { } deletedAt)
        {
            return user;
        }
        await foreach (var access in SoleOwnedBabiesAsync(userId, ct, includeDeleted: true))
        {
            if (access.Baby.DeletedAt == deletedAt)
            {
                await babies.UpdateAsync(access, access.Baby with { DeletedAt = null, UpdatedAt = clock.GetUtcNow() }, access.Baby.Version, ct);
            }
        }
        return await users.UpdateAsync(user with { DeletedAt = null, UpdatedAt = clock.GetUtcNow() }, user.Version, ct);
    }

    private async IAsyncEnumerable<BabyAccess> SoleOwnedBabiesAsync(
        string userId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct, bool includeDeleted = false)
    {
        foreach (var babyId in await OwnedBabyIdsAsync(userId, includeDeleted, ct))
        {
            var found = await babies.GetWithGrantAsync(babyId, userId, ct);
            if (found?.Grant is not { Role: Role.Owner })
            {
                continue;
            }
            var access = new BabyAccess(found.Baby, userId, Role.Owner);
            var grants = await babies.ListGrantsAsync(access, ct);
            if (grants.Count(g => g.Role == Role.Owner) == 1)
            {
                yield return access;
            }
        }
    }

    private async Task<List<string>> OwnedBabyIdsAsync(string userId, bool includeDeleted, CancellationToken ct)
    {
        var ids = new List<string>();
        if (includeDeleted)
        {
            // Hidden babies are not in the user's list; they are found among those deleted at any time before now.
            ids.AddRange(await babies.ListDeletedBeforeAsync(clock.GetUtcNow().AddSeconds(1), 1000, ct));
        }
        string? after = null;
        do
        {
            var page = await babies.ListForUserAsync(userId, new PageRequest(PageRequest.MaxLimit, after), ct);
            ids.AddRange(page.Items.Where(b => b.Role == Role.Owner).Select(b => b.Baby.Id));
            after = page.Next;
        }
        while (after is not null);
        return ids;
    }
}
