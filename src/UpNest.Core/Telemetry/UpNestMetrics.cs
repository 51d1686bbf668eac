using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace UpNest.Core.Telemetry;

/// <summary>
/// The names UpNest's own telemetry is published under. The host subscribes to these, and the
/// CloudWatch alarms and dashboard in infra/ refer to the instrument names, so they live here once
/// (a test checks every name the templates use against what the app really emits).
/// </summary>
public static class UpNestTelemetryNames
{
    public const string Meter = "UpNest";
    public const string ActivitySource = "UpNest";
    public const string StoreMeter = "UpNest.Storage.DynamoDb";
    public const string StoreActivitySource = "UpNest.Storage.DynamoDb";

    public const string Registrations = "upnest.users.registered";
    public const string Logins = "upnest.logins.succeeded";
    public const string FailedLogins = "upnest.logins.failed";
    public const string Measurements = "upnest.measurements.recorded";
    public const string Doses = "upnest.doses.recorded";
    public const string Exports = "upnest.exports";
    public const string AuditWritten = "upnest.audit.events.written";
    public const string AuditFailed = "upnest.audit.events.failed";

    public const string StoreDuration = "upnest.store.duration";
    public const string ReadCapacityUnits = "upnest.dynamodb.read_capacity_units";
    public const string WriteCapacityUnits = "upnest.dynamodb.write_capacity_units";
}

/// <summary>
/// Business counters, one call at the place the thing happens. Static on purpose: the call sites
/// are use-case services and the audit writer, and a counter must not change their constructors.
/// The counters carry no attributes, so nothing personal can reach a metric.
/// </summary>
public static class UpNestMetrics
{
    private static readonly Meter Meter = new(UpNestTelemetryNames.Meter);
    private static readonly Counter<long> RegistrationsCounter = Counter(UpNestTelemetryNames.Registrations, "Accounts registered");
    private static readonly Counter<long> LoginsCounter = Counter(UpNestTelemetryNames.Logins, "Successful password logins");
    private static readonly Counter<long> FailedLoginsCounter = Counter(UpNestTelemetryNames.FailedLogins, "Rejected password logins");
    private static readonly Counter<long> MeasurementsCounter = Counter(UpNestTelemetryNames.Measurements, "Measurements recorded");
    private static readonly Counter<long> DosesCounter = Counter(UpNestTelemetryNames.Doses, "Vaccination doses recorded");
    private static readonly Counter<long> ExportsCounter = Counter(UpNestTelemetryNames.Exports, "Data exports produced");
    private static readonly Counter<long> AuditWrittenCounter = Counter(UpNestTelemetryNames.AuditWritten, "Audit events appended");
    private static readonly Counter<long> AuditFailedCounter = Counter(UpNestTelemetryNames.AuditFailed, "Audit events that could not be appended");

    /// <summary>Spans of UpNest's own work (the audit writer); store calls have their own source.</summary>
    public static ActivitySource Tracing { get; } = new(UpNestTelemetryNames.ActivitySource);

    public static void Registered() => RegistrationsCounter.Add(1);

    public static void LoggedIn() => LoginsCounter.Add(1);

    public static void LoginFailed() => FailedLoginsCounter.Add(1);

    public static void MeasurementRecorded() => MeasurementsCounter.Add(1);

    public static void DosesRecorded(int count) => DosesCounter.Add(count);

    public static void Exported() => ExportsCounter.Add(1);

    public static void AuditEventWritten() => AuditWrittenCounter.Add(1);

    public static void AuditEventFailed() => AuditFailedCounter.Add(1);

    private static Counter<long> Counter(string name, string description) => Meter.CreateCounter<long>(name, "{event}", description);
}
