namespace UpNest.Cli.Infra;

/// <summary>
/// The sidecar collector's configuration (passed in AOT_CONFIG_CONTENT, through Fn::Sub): OTLP in
/// on localhost; metrics out as CloudWatch EMF in the UpNest namespace, where the instrument names
/// the app emits become the metric names the alarms and the dashboard use; traces out to X-Ray.
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
            dimension_rollup_option: ZeroAndSingleDimensionRollup
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
