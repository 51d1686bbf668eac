using Microsoft.Data.Sqlite;
using UpNest.Core.Babies;
using UpNest.Core.Common;
using UpNest.Core.Sharing;
using static UpNest.Storage.Sqlite.SqlHelpers;

namespace UpNest.Storage.Sqlite;

public sealed class SqliteInvitationStore(SqliteDatabase database) : IInvitationStore
{
    public async Task CreateAsync(BabyAccess access, Invitation invitation, CancellationToken ct)
    {
        var stored = invitation with { BabyId = access.BabyId };
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            "INSERT INTO invitations (baby_id, id, data, used_at, expires_at) VALUES ($baby, $id, $data, NULL, $expires);",
            ("$baby", stored.BabyId), ("$id", stored.Id), ("$data", ToJson(stored)), ("$expires", Iso(stored.ExpiresAt)));
        try
        {
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (SqliteException e) when (IsUniqueViolation(e))
        {
            throw new ConflictException("An invitation with this id exists already.");
        }
    }

    public async Task<Invitation?> GetAsync(string babyId, string invitationId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            "SELECT data FROM invitations WHERE baby_id = $baby AND id = $id;", ("$baby", babyId), ("$id", invitationId));
        return await command.ReadOneJsonAsync<Invitation>(ct);
    }

    public async Task MarkUsedAsync(string babyId, string invitationId, string userId, DateTimeOffset usedAt, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.Command(
            """
            UPDATE invitations
            SET used_at = $at, data = json_set(data, '$.usedAt', $at, '$.usedBy', $user)
            WHERE baby_id = $baby AND id = $id AND used_at IS NULL;
            """,
            ("$baby", babyId), ("$id", invitationId), ("$at", Iso(usedAt)), ("$user", userId));
        if (await command.ExecuteNonQueryAsync(ct) == 0)
        {
            throw new ConflictException("This invitation has been used already.");
        }
    }
}
