using System.Globalization;
using Amazon.DynamoDBv2.Model;
using UpNest.Core.Common;
using UpNest.Core.Vaccinations;
using UpNest.Storage.DynamoDb.Calls;
using UpNest.Storage.DynamoDb.Schema;
using static UpNest.Storage.DynamoDb.Calls.Items;

namespace UpNest.Storage.DynamoDb.Stores;

/// <summary>
/// QP7 for the reminder job: the sparse ByDueDate index (PK due date, SK babyId#doseId) holds only
/// pending doses, so the job reads exactly what it may remind of. Its partition is one day, so a
/// range is one Query per day, in date order; within a day the sort key gives baby id, dose id.
/// </summary>
internal sealed partial class DynamoVaccinationStore
{
    // The reminder job asks for a week; a far wider range would mean that many Queries per page.
    private const int MaxDays = 366;

    public async Task<Page<VaccinationDose>> ListDueBetweenAsync(DateOnly from, DateOnly to, PageRequest page, CancellationToken ct)
    {
        if (to.DayNumber - from.DayNumber >= MaxDays)
        {
            throw new ValidationException("to", $"The range may span at most {MaxDays} days.");
        }
        var limit = Math.Clamp(page.Limit, 1, PageRequest.MaxLimit);
        var keyNames = Table.PageKeyNames(IndexNames.ByDueDate);
        // The token is the last returned item's index key: its day is where the next page resumes.
        var start = PageTokens.Decode(page.After, keyNames);
        var day = from;
        if (start is not null)
        {
            if (!DateOnly.TryParseExact(start[Attrs.DueOn].S, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day)
                || day < from || day > to)
            {
                throw new ValidationException("cursor", "The cursor is not valid.");
            }
        }

        var found = new List<Dictionary<string, AttributeValue>>();
        // One item more than the page, so the last page has no token.
        for (; day <= to && found.Count <= limit; day = day.AddDays(1), start = null)
        {
            var query = new QueryRequest
            {
                TableName = db.Table(Table),
                IndexName = IndexNames.ByDueDate,
                KeyConditionExpression = "dueOn = :day",
                ExpressionAttributeValues = Values((":day", S(Keys.DueOn(day)))),
                ExclusiveStartKey = start,
            };
            do
            {
                query.Limit = limit + 1 - found.Count;
                var response = await db.QueryAsync("QP7.DueOnDay", query, ct);
                found.AddRange(response.Items);
                query.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } more ? more : null;
            }
            while (query.ExclusiveStartKey is not null && found.Count <= limit);
        }

        if (found.Count <= limit)
        {
            return new Page<VaccinationDose>(found.Select(Read<VaccinationDose>).ToList(), null);
        }
        var items = found.Take(limit).ToList();
        var last = items[^1];
        return new Page<VaccinationDose>(items.Select(Read<VaccinationDose>).ToList(), PageTokens.Encode(keyNames.ToDictionary(n => n, n => last[n])));
    }
}
