using Microsoft.Extensions.Options;
using UpNest.Api.Hosting;
using UpNest.Core.Retention;

namespace UpNest.Api.Jobs;

/// <summary>Hourly: purge what outlived the grace period and expired audit events.</summary>
public sealed partial class RetentionJob(
    RetentionService retention, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionJob> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var report = await retention.PurgeAsync(TimeSpan.FromDays(options.Value.GraceDays), stoppingToken);
                LogPurged(logger, report.Babies, report.Users, report.AuditEvents);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next tick tries again; purging is idempotent.
                LogFailed(logger, e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Retention purge: {Babies} babies, {Users} users, {AuditEvents} audit events")]
    private static partial void LogPurged(ILogger logger, int babies, int users, int auditEvents);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Retention purge failed with {ExceptionType}; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, string exceptionType);
}
