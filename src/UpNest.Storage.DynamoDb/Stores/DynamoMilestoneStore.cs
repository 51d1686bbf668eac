// Owned by the DynamoDB port work for vaccinations/milestones/outbox/invitations — implementation in progress.
namespace UpNest.Storage.DynamoDb.Stores;

internal sealed partial class DynamoMilestoneStore
{
}
