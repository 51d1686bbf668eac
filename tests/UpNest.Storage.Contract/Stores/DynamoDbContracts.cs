using UpNest.Storage.Contract.Contracts;
using UpNest.Storage.Contract.Harness;

namespace UpNest.Storage.Contract.Stores;

// The one contract suite on DynamoDB Local; each class gets its own random table prefix.
public sealed class DynamoDbUserStoreTests(DynamoDbHarness store) : UserStoreContract(store), IClassFixture<DynamoDbHarness>;

public sealed class DynamoDbSessionStoreTests(DynamoDbHarness store) : SessionStoreContract(store), IClassFixture<DynamoDbHarness>;

public sealed class DynamoDbIdempotencyStoreTests(DynamoDbHarness store) : IdempotencyStoreContract(store), IClassFixture<DynamoDbHarness>;

public sealed class DynamoDbKeyStoreTests(DynamoDbHarness store) : KeyStoreContract(store), IClassFixture<DynamoDbHarness>;

public sealed class DynamoDbBabyStoreTests(DynamoDbHarness store) : BabyStoreContract(store), IClassFixture<DynamoDbHarness>;

public sealed class DynamoDbMeasurementStoreTests(DynamoDbHarness store) : MeasurementStoreContract(store), IClassFixture<DynamoDbHarness>;

public sealed class DynamoDbAuditStoreTests(DynamoDbHarness store) : AuditStoreContract(store), IClassFixture<DynamoDbHarness>;
