using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using UpNest.Core.Audit;
using UpNest.Core.Babies;
using UpNest.Core.Common;
using UpNest.Core.Measurements;
using UpNest.Core.Security;
using UpNest.Core.Users;

namespace UpNest.Storage.Sqlite;

public static class SqliteStorageExtensions
{
    /// <summary>Registers every storage port on one SQLite file.</summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, string databasePath)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new SqliteDatabase(databasePath));
        services.AddSingleton<IStorageLifecycle, SqliteMigrator>();
        services.AddSingleton<IUserStore, SqliteUserStore>();
        services.AddSingleton<ISessionStore, SqliteSessionStore>();
        services.AddSingleton<IIdempotencyStore, SqliteIdempotencyStore>();
        services.AddSingleton<IKeyStore, SqliteKeyStore>();
        services.AddSingleton<IBabyStore, SqliteBabyStore>();
        services.AddSingleton<IMeasurementStore, SqliteMeasurementStore>();
        services.AddSingleton<UpNest.Core.Vaccinations.IVaccinationStore, SqliteVaccinationStore>();
        services.AddSingleton<UpNest.Core.Vaccinations.IReminderOutbox, SqliteReminderOutbox>();
        services.AddSingleton<UpNest.Core.Milestones.IMilestoneStore, SqliteMilestoneStore>();
        services.AddSingleton<IAuditStore, SqliteAuditStore>();
        services.AddSingleton<Core.Sharing.IInvitationStore, SqliteInvitationStore>();
        return services;
    }
}
