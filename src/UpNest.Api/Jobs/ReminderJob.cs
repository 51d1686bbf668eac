using UpNest.Core.Vaccinations;
using UpNest.Schedules;

namespace UpNest.Api.Jobs;

/// <summary>
/// Once a day (on the injected <see cref="TimeProvider"/>, so tests can move it) writes
/// "dose due soon" reminders to the outbox. The work is <see cref="ReminderService"/>; runs
/// are idempotent, so several instances or a restart mid-day do no harm.
/// </summary>
public sealed partial class ReminderJob(ReminderService reminders, TimeProvider clock, ILogger<ReminderJob> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var written = await reminders.RunAsync(LocalDay.Today(clock, TimeZoneInfo.Utc), stoppingToken);
                LogRun(logger, written);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed run is retried by the next tick; the job must outlive a store outage.
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Reminder run wrote {Written} reminders")]
    private static partial void LogRun(ILogger logger, int written);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "Reminder run failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
