using UpNest.Storage.Contract.Contracts;
using UpNest.Storage.Contract.Harness;

namespace UpNest.Storage.Contract.Stores;

// Invitations, and the purge of a baby's newer records (doses, milestones, invitations, reminders), on both stores.
public sealed class SqliteInvitationStoreTests(SqliteHarness store) : InvitationStoreContract(store), IClassFixture<SqliteHarness>;

public sealed class SqliteBabyPurgeTests(SqliteHarness store) : BabyPurgeContract(store), IClassFixture<SqliteHarness>;

public sealed class DynamoDbInvitationStoreTests(DynamoDbHarness store) : InvitationStoreContract(store), IClassFixture<DynamoDbHarness>;

public sealed class DynamoDbBabyPurgeTests(DynamoDbHarness store) : BabyPurgeContract(store), IClassFixture<DynamoDbHarness>;
