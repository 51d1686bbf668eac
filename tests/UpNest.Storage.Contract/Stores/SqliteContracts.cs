using UpNest.Storage.Contract.Contracts;
using UpNest.Storage.Contract.Harness;

namespace UpNest.Storage.Contract.Stores;

// The one contract suite on SQLite; each class gets a fresh database file.
public sealed class SqliteUserStoreTests(SqliteHarness store) : UserStoreContract(store), IClassFixture<SqliteHarness>;

public sealed class SqliteSessionStoreTests(SqliteHarness store) : SessionStoreContract(store), IClassFixture<SqliteHarness>;

public sealed class SqliteIdempotencyStoreTests(SqliteHarness store) : IdempotencyStoreContract(store), IClassFixture<SqliteHarness>;

public sealed class SqliteKeyStoreTests(SqliteHarness store) : KeyStoreContract(store), IClassFixture<SqliteHarness>;

public sealed class SqliteBabyStoreTests(SqliteHarness store) : BabyStoreContract(store), IClassFixture<SqliteHarness>;

public sealed class SqliteMeasurementStoreTests(SqliteHarness store) : MeasurementStoreContract(store), IClassFixture<SqliteHarness>;

public sealed class SqliteAuditStoreTests(SqliteHarness store) : AuditStoreContract(store), IClassFixture<SqliteHarness>;
