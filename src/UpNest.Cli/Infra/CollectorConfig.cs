namespace UpNest.Cli.Infra;

/// <summary>
/// The sidecar collector's configuration (passed in AOT_CONFIG_CONTENT, through Fn::Sub): OTLP in
/// on localhost; metrics out as CloudWatch EMF in the UpNest namespace, where the instrument names
/// the app emits become the metric names the alarms and the dashboard use; traces out to X-Ray.
/// Only UpNest's own instruments become CloudWatch metrics, per table or with no dimension: a
/// custom metric costs $0.30 a month, and per-operation series (about 50 operations) or every
/// HTTP route would cost more than the service at rest. The EMF log events keep every attribute
/// for Logs Insights, and /metrics on the management port has the full detail.
/// </summary>
internal static class CollectorConfig
{
    public const string Yaml = """
        receivers:
          otlp:
            protocols:
              grpc:
                endpoint: 127.0.0.1:4317
              http:
                endpoint: 127.0.0.1:4318
        processors:
          batch:
            timeout: 10s
        exporters:
          awsemf:
            namespace: UpNest
            log_group_name: /upnest/${Environment}/metrics
            dimension_rollup_option: NoDimensionRollup
            metric_declarations:
              - dimensions: [[table], []]
                metric_name_selectors:
                  - ^upnest\.store\.duration$
                  - ^upnest\.dynamodb\.(read|write)_capacity_units$
              - dimensions: [[]]
                metric_name_selectors:
                  - ^upnest\.(users|logins|measurements|doses|exports|audit)\.
                  - ^upnest\.exports$
          awsxray:
            indexed_attributes: [db.collection.name, upnest.store.operation]
        service:
          pipelines:
            traces:
              receivers: [otlp]
              processors: [batch]
              exporters: [awsxray]
            metrics:
              receivers: [otlp]
              processors: [batch]
              exporters: [awsemf]
        """;
}
