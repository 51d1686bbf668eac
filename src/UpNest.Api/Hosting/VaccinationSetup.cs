using UpNest.Api.Jobs;
using UpNest.Api.Privacy;
using UpNest.Core.Milestones;
using UpNest.Core.Vaccinations;

namespace UpNest.Api.Hosting;

public static class VaccinationSetup
{
    /// <summary>The reminder job, and note encryption on the vaccination and milestone stores (after the stores and the protector are registered).</summary>
    public static IServiceCollection AddUpNestVaccinations(this IServiceCollection services)
    {
        services.AddHostedService<ReminderJob>();
        if (services.Any(d => d.ServiceType == typeof(NoteProtector)))
        {
            services.Decorate<IVaccinationStore>((inner, sp) => new ProtectedVaccinationStore(inner, sp.GetRequiredService<NoteProtector>()));
            services.Decorate<IMilestoneStore>((inner, sp) => new ProtectedMilestoneStore(inner, sp.GetRequiredService<NoteProtector>()));
        }
        return services;
    }
}
