using Microsoft.Extensions.Options;
using UpNest.Api.Hosting;
using UpNest.Core.Audit;
using UpNest.Core.Export;
using UpNest.Core.Sharing;

namespace UpNest.Api.Audit;

public static class TrustServiceExtensions
{
    /// <summary>Sharing, the audit trail and exports; the store adds <see cref="IInvitationStore"/>.</summary>
    public static IServiceCollection AddUpNestTrust(this IServiceCollection services)
    {
        services.AddSingleton(sp => new AuditRetention(sp.GetRequiredService<IOptions<RetentionOptions>>().Value.AuditDays));
        services.AddSingleton(AuditWriterOptions.Default);
        services.AddSingleton<AuditWriter>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<AuditQueries>();
        services.AddSingleton<SharingService>();
        services.AddSingleton<ExportService>();
        services.AddSingleton<AuthAuditFilter>();
        return services;
    }
}
