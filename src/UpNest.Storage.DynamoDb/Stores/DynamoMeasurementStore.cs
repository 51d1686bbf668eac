using Amazon.DynamoDBv2.Model;
using UpNest.Core.Babies;
using UpNest.Core.Common;
using UpNest.Core.Measurements;
using UpNest.Storage.DynamoDb.Calls;
using UpNest.Storage.DynamoDb.Schema;
using static UpNest.Storage.DynamoDb.Calls.Items;

namespace UpNest.Storage.DynamoDb.Stores;

/// <summary>
/// GrowthData: BABY#id/M#measurementId, so GetItem by id works; the ByMeasuredOn LSI
/// (measuredOn = date#id) serves the date-range list (QP5) and the latest (QP6).
/// Every key starts from the access proof's baby, so another baby's id is simply not found.
/// </summary>
internal sealed class DynamoMeasurementStore(DynamoGateway db) : IMeasurementStore
{
    private static readonly TableDefinition Table = Tables.GrowthData;

    public async Task CreateAsync(BabyAccess access, Measurement measurement, CancellationToken ct)
    {
        try
        {
            await db.PutItemAsync("CreateMeasurement", new PutItemRequest
            {
                TableName = db.Table(Table),
                Item = MeasurementItem(measurement with { BabyId = access.BabyId }),
                ConditionExpression = "attribute_not_exists(pk)",
            }, ct);
        }
        catch (ConditionalCheckFailedException)
        {
            throw new ConflictException("A measurement with this id exists already.");
        }
    }

    public async Task<Measurement?> GetAsync(BabyAccess access, string measurementId, CancellationToken ct)
    {
        var item = await db.GetItemAsync("GetMeasurement", Table, Key(Keys.Baby(access.BabyId), Keys.Measurement(measurementId)), ct);
        return item is null ? null : Read<Measurement>(item);
    }

    public async Task<Page<Measurement>> ListAsync(
        BabyAccess access, DateOnly? from, DateOnly? to, PageRequest page, CancellationToken ct)
    {
        var query = new QueryRequest
        {
            TableName = db.Table(Table),
            IndexName = IndexNames.ByMeasuredOn,
            KeyConditionExpression = "pk = :pk AND measuredOn BETWEEN :from AND :to",
            ExpressionAttributeValues = Values(
                (":pk", S(Keys.Baby(access.BabyId))),
                (":from", S(from is { } f ? Keys.MeasuredOnFrom(f) : "0")),
                (":to", S(to is { } t ? Keys.MeasuredOnTo(t) : "~"))),
            ConsistentRead = true,
        };
        var (items, next) = await db.QueryPageAsync("QP5.ListMeasurements", query, Table, page, ct);
        return new Page<Measurement>(items.Select(Read<Measurement>).ToList(), next);
    }

    public async Task<Measurement?> GetLatestAsync(BabyAccess access, CancellationToken ct)
    {
        var response = await db.QueryAsync("QP6.LatestMeasurement", new QueryRequest
        {
            TableName = db.Table(Table),
            IndexName = IndexNames.ByMeasuredOn,
            KeyConditionExpression = "pk = :pk",
            ExpressionAttributeValues = Values((":pk", S(Keys.Baby(access.BabyId)))),
            ScanIndexForward = false,
            Limit = 1,
            ConsistentRead = true,
        }, ct);
        return response.Items.Count == 0 ? null : Read<Measurement>(response.Items[0]);
    }

    public async Task<Measurement> UpdateAsync(
        BabyAccess access, Measurement measurement, long expectedVersion, CancellationToken ct)
    {
        var updated = measurement with { BabyId = access.BabyId, Version = expectedVersion + 1 };
        await db.ReplaceVersionedAsync("UpdateMeasurement", Table, MeasurementItem(updated), expectedVersion, "measurement", ct);
        return updated;
    }

    public async Task DeleteAsync(BabyAccess access, string measurementId, long? expectedVersion, CancellationToken ct)
    {
        await db.DeleteVersionedAsync("DeleteMeasurement", Table, Key(Keys.Baby(access.BabyId), Keys.Measurement(measurementId)), expectedVersion, "measurement", ct);
    }

    private static Dictionary<string, AttributeValue> MeasurementItem(Measurement measurement)
    {
        var item = Item(Keys.Baby(measurement.BabyId), Keys.Measurement(measurement.Id), measurement, measurement.Version);
        item[Attrs.MeasuredOn] = S(Keys.MeasuredOn(measurement.MeasuredOn, measurement.Id));
        return item;
    }
}
