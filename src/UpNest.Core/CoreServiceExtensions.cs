using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using UpNest.Core.Accounts;
using UpNest.Core.Babies;
using UpNest.Core.Common;
using UpNest.Core.Measurements;
using UpNest.Core.Users;

namespace UpNest.Core;

public static class CoreServiceExtensions
{
    /// <summary>The use-case services; a store and an <see cref="IPasswordHasher"/> must be added by the host.</summary>
    public static IServiceCollection AddUpNestCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IIdGenerator, IdGenerator>();
        services.AddSingleton<BabyAuthorizer>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<ProfileService>();
        services.AddSingleton<BabyService>();
        services.AddSingleton<MeasurementService>();
        services.AddSingleton<AccountDeletion>();
        services.AddSingleton<Retention.RetentionService>();
        services.AddSingleton<GrowthTracking.GrowthService>();
        Vaccinations.VaccinationServiceExtensions.AddVaccinationsAndMilestones(services);
        return services;
    }
}
