using Amazon.DynamoDBv2.Model;

namespace UpNest.Storage.DynamoDb.Calls;

/// <summary>Reading why a conditional write or a transaction was refused.</summary>
internal static class Conditions
{
    /// <summary>True when the transaction item at <paramref name="index"/> failed its condition.</summary>
    public static bool FailedAt(this TransactionCanceledException canceled, int index) =>
        canceled.CancellationReasons is { } reasons && index < reasons.Count && reasons[index].Code == "ConditionalCheckFailed";

    public static bool AnyConditionFailed(this TransactionCanceledException canceled) =>
        canceled.CancellationReasons?.Any(r => r.Code == "ConditionalCheckFailed") == true;

    /// <summary>The item as it was when the condition failed (ReturnValuesOnConditionCheckFailure=ALL_OLD).</summary>
    public static bool ItemExisted(this ConditionalCheckFailedException failed) => failed.Item is { Count: > 0 };

    public static bool ItemExistedAt(this TransactionCanceledException canceled, int index) =>
        canceled.CancellationReasons is { } reasons && index < reasons.Count && reasons[index].Item is { Count: > 0 };
}
