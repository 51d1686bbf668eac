using Microsoft.Extensions.DependencyInjection;
using UpNest.Core.Babies;
using UpNest.Core.Milestones;

namespace UpNest.Core.Vaccinations;

public static class VaccinationServiceExtensions
{
    /// <summary>Vaccination schedules, reminders, calendar feed and milestones; the stores come from the host.</summary>
    public static IServiceCollection AddVaccinationsAndMilestones(this IServiceCollection services)
    {
        services.AddSingleton<VaccinationService>();
        services.AddSingleton<DoseRecorder>();
        services.AddSingleton<CalendarService>();
        services.AddSingleton<ReminderService>();
        services.AddSingleton<MilestoneService>();
        services.AddSingleton<IBabyChangeListener, VaccinationPlanning>();
        return services;
    }
}
