using UpNest.Storage.Contract.Contracts;
using UpNest.Storage.Contract.Harness;

namespace UpNest.Storage.Contract.Stores;

// The vaccination, milestone and reminder ports on SQLite (the DynamoDB subclasses join when that store implements them).
public sealed class SqliteVaccinationStoreTests(SqliteHarness store) : VaccinationStoreContract(store), IClassFixture<SqliteHarness>;

public sealed class SqliteMilestoneStoreTests(SqliteHarness store) : MilestoneStoreContract(store), IClassFixture<SqliteHarness>;

public sealed class SqliteReminderOutboxTests(SqliteHarness store) : ReminderOutboxContract(store), IClassFixture<SqliteHarness>;
