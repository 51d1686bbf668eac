using UpNest.Storage.Contract.Contracts;
using UpNest.Storage.Contract.Harness;

namespace UpNest.Storage.Contract.Stores;

// The vaccination, milestone and reminder ports on DynamoDB Local; each class gets its own random table prefix.
public sealed class DynamoDbVaccinationStoreTests(DynamoDbHarness store) : VaccinationStoreContract(store), IClassFixture<DynamoDbHarness>;

public sealed class DynamoDbMilestoneStoreTests(DynamoDbHarness store) : MilestoneStoreContract(store), IClassFixture<DynamoDbHarness>;

public sealed class DynamoDbReminderOutboxTests(DynamoDbHarness store) : ReminderOutboxContract(store), IClassFixture<DynamoDbHarness>;
