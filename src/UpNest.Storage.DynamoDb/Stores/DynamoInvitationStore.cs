using Amazon.DynamoDBv2.Model;
using UpNest.Core.Babies;
using UpNest.Core.Common;
using UpNest.Core.Sharing;
using UpNest.Storage.DynamoDb.Calls;
using UpNest.Storage.DynamoDb.Schema;
using static UpNest.Storage.DynamoDb.Calls.Items;

namespace UpNest.Storage.DynamoDb.Stores;

/// <summary>
/// Invitations live under their baby in the Babies table (BABY#id/INVITE#id), so the code's two
/// ids find one with a GetItem and the baby's purge removes them with its partition. Single use
/// is a conditional put on the top-level usedAt attribute: of two redemptions racing, one wins.
/// The items carry no userId, so they never show up in the ByUser index of grants.
/// </summary>
internal sealed partial class DynamoInvitationStore(DynamoGateway db) : IInvitationStore
{
    private static readonly TableDefinition Table = Tables.Babies;

    public async Task CreateAsync(BabyAccess access, Invitation invitation, CancellationToken ct)
    {
        try
        {
            await db.PutItemAsync("CreateInvitation", new PutItemRequest
            {
                TableName = db.Table(Table),
                Item = InvitationItem(invitation with { BabyId = access.BabyId }),
                ConditionExpression = "attribute_not_exists(pk)",
            }, ct);
        }
        catch (ConditionalCheckFailedException)
        {
            throw new ConflictException("An invitation with this id exists already.");
        }
    }

    public async Task<Invitation?> GetAsync(string babyId, string invitationId, CancellationToken ct)
    {
        var item = await db.GetItemAsync("GetInvitation", Table, Key(Keys.Baby(babyId), Keys.Invitation(invitationId)), ct);
        return item is null ? null : Read<Invitation>(item);
    }

    /// <summary>
    /// Reads the invitation, then writes it back marked used on the condition that it still exists
    /// unused: a redemption that lost the race (or found none) is a conflict, as on SQLite.
    /// </summary>
    public async Task MarkUsedAsync(string babyId, string invitationId, string userId, DateTimeOffset usedAt, CancellationToken ct)
    {
        var current = await GetAsync(babyId, invitationId, ct);
        if (current is null || current.UsedAt is not null)
        {
            throw new ConflictException("This invitation has been used already.");
        }
        try
        {
            await db.PutItemAsync("UseInvitation", new PutItemRequest
            {
                TableName = db.Table(Table),
                Item = InvitationItem(current with { UsedAt = usedAt, UsedBy = userId }),
                ConditionExpression = "attribute_exists(pk) AND attribute_not_exists(usedAt)",
            }, ct);
        }
        catch (ConditionalCheckFailedException)
        {
            throw new ConflictException("This invitation has been used already.");
        }
    }

    private static Dictionary<string, AttributeValue> InvitationItem(Invitation invitation)
    {
        var item = Item(Keys.Baby(invitation.BabyId), Keys.Invitation(invitation.Id), invitation);
        if (invitation.UsedAt is { } used)
        {
            item[Attrs.UsedAt] = S(Times.Sortable(used));
        }
        return item;
    }
}
