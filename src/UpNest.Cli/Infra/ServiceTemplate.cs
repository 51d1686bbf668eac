using System.Text.Json.Nodes;
using static UpNest.Storage.DynamoDb.Infra.Cfn;

namespace UpNest.Cli.Infra;

/// <summary>
/// The running service: an HTTPS load balancer in front of at least two Fargate tasks in two
/// zones, each an UpNest container plus an OpenTelemetry collector sidecar that turns OTLP into
/// CloudWatch metrics (EMF) and X-Ray traces. Rolling deployments stop and roll back on the ECS
/// circuit breaker or on the 5xx and unhealthy-host alarms. The management port (/metrics) is
/// never in a target group and the task's security group admits only the load balancer on 8080.
/// </summary>
internal static class ServiceTemplate
{
    public const int AppPort = 8080;
    public const int ManagementPort = 9464;
    public const string MetricNamespace = "UpNest";

    public static JsonObject Build()
    {
        var resources = new JsonObject();
        AddLoadBalancer(resources);
        AddTask(resources);
        AddService(resources);
        ServiceAlarms.AddTo(resources);
        resources["Dashboard"] = ServiceDashboard.Build();
        return new JsonObject
        {
            ["AWSTemplateFormatVersion"] = "2010-09-09",
            ["Description"] = "UpNest service: ALB (HTTPS) + ECS Fargate, autoscaling, circuit breaker, least-privilege task role, logs, alarms, dashboard.",
            ["Parameters"] = Parameters(),
            ["Conditions"] = new JsonObject
            {
                ["HasAlarmEmail"] = new JsonObject { ["Fn::Not"] = Array(new JsonObject { ["Fn::Equals"] = Array(Ref("AlarmEmail"), "") }) },
            },
            ["Resources"] = resources,
            ["Outputs"] = new JsonObject
            {
                ["LoadBalancerDns"] = new JsonObject { ["Value"] = GetAtt("LoadBalancer", "DNSName") },
                ["AlarmTopicArn"] = new JsonObject { ["Value"] = Ref("AlarmTopic") },
                ["DashboardName"] = new JsonObject { ["Value"] = Ref("Dashboard") },
            },
        };
    }

    private static JsonObject Parameters() => new()
    {
        ["Environment"] = EnvironmentParameter(),
        ["NetworkStack"] = Parameter("String", "Name of the network stack (its exports: VpcId, SubnetIds)."),
        ["TablesStack"] = Parameter("String", "Name of the tables stack (its exports: table names, TablesKeyArn)."),
        ["IdentityStack"] = Parameter("String", "Name of the identity stack (its exports: Issuer, ClientId)."),
        ["TablePrefix"] = Parameter("String", "Storage:DynamoDb:TablePrefix, the same as the tables stack's."),
        ["ImageUri"] = Parameter("String", "UpNest container image (ECR URI with tag or digest)."),
        ["CertificateArn"] = Parameter("String", "ACM certificate for the HTTPS listener (same region)."),
        ["CollectorImage"] = Parameter("String", "AWS Distro for OpenTelemetry collector image.",
            "public.ecr.aws/aws-observability/aws-otel-collector:v0.43.3"),
        ["TaskCpu"] = new JsonObject { ["Type"] = "String", ["Default"] = "512", ["AllowedValues"] = Strings("256", "512", "1024", "2048"), ["Description"] = "Fargate CPU units per task." },
        ["TaskMemory"] = new JsonObject { ["Type"] = "String", ["Default"] = "1024", ["AllowedValues"] = Strings("512", "1024", "2048", "4096"), ["Description"] = "Fargate memory (MiB) per task." },
        ["MinTasks"] = new JsonObject { ["Type"] = "Number", ["Default"] = 2, ["MinValue"] = 2, ["Description"] = "Fewest running tasks (at least two, in two zones)." },
        ["MaxTasks"] = new JsonObject { ["Type"] = "Number", ["Default"] = 10, ["MinValue"] = 2, ["Description"] = "Most running tasks under load." },
        ["RequestsPerTaskTarget"] = new JsonObject { ["Type"] = "Number", ["Default"] = 1000, ["Description"] = "Autoscaling target: ALB requests per task per minute." },
        ["LogRetentionDays"] = new JsonObject
        {
            ["Type"] = "Number", ["Default"] = 30, ["AllowedValues"] = Array(7, 14, 30, 60, 90, 180, 365), ["Description"] = "Days to keep application and metric logs.",
        },
        ["TraceSampleRatio"] = Parameter("String", "Share of requests traced to X-Ray (0 to 1).", "0.1"),
        ["ContainerInsights"] = new JsonObject { ["Type"] = "String", ["Default"] = "disabled", ["AllowedValues"] = Strings("enabled", "disabled"), ["Description"] = "ECS Container Insights (per-task metrics, billed as custom metrics)." },
        ["AlarmEmail"] = Parameter("String", "Email address subscribed to the alarm topic (empty: subscribe later).", ""),
        ["LatencyGoalSeconds"] = Parameter("Number", "p99 latency goal at the load balancer; the alarm fires above it.", 0.5),
        ["MonthlyCostAlarmUsd"] = Parameter("Number", "Alarm when the DynamoDB request cost, projected to a month, exceeds this.", 100),
        ["ReadRequestUsdPerMillion"] = Parameter("Number", "On-demand price of one million read request units in the region.", 0.125),
        ["WriteRequestUsdPerMillion"] = Parameter("Number", "On-demand price of one million write request units in the region.", 0.625),
    };

    private static void AddLoadBalancer(JsonObject resources)
    {
        resources["LoadBalancerSecurityGroup"] = Resource("AWS::EC2::SecurityGroup", new JsonObject
        {
            ["GroupDescription"] = "UpNest load balancer: HTTPS from anywhere, HTTP only to redirect",
            ["VpcId"] = ImportValue("${NetworkStack}-VpcId"),
            ["SecurityGroupIngress"] = Array(Ingress(443, "0.0.0.0/0"), Ingress(80, "0.0.0.0/0")),
            ["Tags"] = Tags("service"),
        });
        resources["TaskSecurityGroup"] = Resource("AWS::EC2::SecurityGroup", new JsonObject
        {
            ["GroupDescription"] = "UpNest tasks: the app port from the load balancer only (the management port from nowhere)",
            ["VpcId"] = ImportValue("${NetworkStack}-VpcId"),
            ["SecurityGroupIngress"] = Array(new JsonObject
            {
                ["IpProtocol"] = "tcp", ["FromPort"] = AppPort, ["ToPort"] = AppPort, ["SourceSecurityGroupId"] = Ref("LoadBalancerSecurityGroup"),
            }),
            ["Tags"] = Tags("service"),
        });
        resources["LoadBalancer"] = Resource("AWS::ElasticLoadBalancingV2::LoadBalancer", new JsonObject
        {
            ["Type"] = "application",
            ["Scheme"] = "internet-facing",
            ["Subnets"] = SubnetIds(),
            ["SecurityGroups"] = Array(Ref("LoadBalancerSecurityGroup")),
            ["LoadBalancerAttributes"] = Array(
                Attribute("routing.http.drop_invalid_header_fields.enabled", "true"),
                Attribute("idle_timeout.timeout_seconds", "60")),
            ["Tags"] = Tags("service"),
        });
        resources["TargetGroup"] = Resource("AWS::ElasticLoadBalancingV2::TargetGroup", new JsonObject
        {
            ["TargetType"] = "ip",
            ["Protocol"] = "HTTP",
            ["Port"] = AppPort,
            ["VpcId"] = ImportValue("${NetworkStack}-VpcId"),
            ["HealthCheckPath"] = "/health/ready",
            ["HealthCheckIntervalSeconds"] = 15,
            ["HealthyThresholdCount"] = 2,
            ["UnhealthyThresholdCount"] = 3,
            ["Matcher"] = new JsonObject { ["HttpCode"] = "200" },
            ["TargetGroupAttributes"] = Array(Attribute("deregistration_delay.timeout_seconds", "30")),
            ["Tags"] = Tags("service"),
        });
        resources["HttpsListener"] = Resource("AWS::ElasticLoadBalancingV2::Listener", new JsonObject
        {
            ["LoadBalancerArn"] = Ref("LoadBalancer"),
            ["Port"] = 443,
            ["Protocol"] = "HTTPS",
            ["SslPolicy"] = "ELBSecurityPolicy-TLS13-1-2-2021-06",
            ["Certificates"] = Array(new JsonObject { ["CertificateArn"] = Ref("CertificateArn") }),
            ["DefaultActions"] = Array(new JsonObject { ["Type"] = "forward", ["TargetGroupArn"] = Ref("TargetGroup") }),
        });
        resources["HttpRedirectListener"] = Resource("AWS::ElasticLoadBalancingV2::Listener", new JsonObject
        {
            ["LoadBalancerArn"] = Ref("LoadBalancer"),
            ["Port"] = 80,
            ["Protocol"] = "HTTP",
            ["DefaultActions"] = Array(new JsonObject
            {
                ["Type"] = "redirect",
                ["RedirectConfig"] = new JsonObject { ["Protocol"] = "HTTPS", ["Port"] = "443", ["StatusCode"] = "HTTP_301" },
            }),
        });
    }

    private static void AddTask(JsonObject resources)
    {
        resources["AppLogGroup"] = LogGroup("/upnest/${Environment}/api");
        resources["MetricsLogGroup"] = LogGroup("/upnest/${Environment}/metrics");
        resources["ExecutionRole"] = Role("ecs-tasks.amazonaws.com", "pull-image-and-write-logs", Array(
            new JsonObject
            {
                // GetAuthorizationToken has no resource-level permissions.
                ["Effect"] = "Allow",
                ["Action"] = Strings("ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"),
                ["Resource"] = "*",
            },
            new JsonObject
            {
                ["Effect"] = "Allow",
                ["Action"] = Strings("logs:CreateLogStream", "logs:PutLogEvents"),
                ["Resource"] = Array(Sub("${AppLogGroup.Arn}:log-stream:*"), Sub("${MetricsLogGroup.Arn}:log-stream:*")),
            }));
        resources["TaskRole"] = Role("ecs-tasks.amazonaws.com", "upnest-api", TaskRolePolicy.Statements());
        resources["Cluster"] = Resource("AWS::ECS::Cluster", new JsonObject
        {
            ["ClusterName"] = Sub("upnest-${Environment}"),
            // Container Insights costs about $10 a month per service; the dashboard uses the free AWS/ECS metrics.
            ["ClusterSettings"] = Array(new JsonObject { ["Name"] = "containerInsights", ["Value"] = Ref("ContainerInsights") }),
            ["Tags"] = Tags("service"),
        });
        resources["TaskDefinition"] = Resource("AWS::ECS::TaskDefinition", new JsonObject
        {
            ["Family"] = Sub("upnest-${Environment}-api"),
            ["RequiresCompatibilities"] = Strings("FARGATE"),
            ["NetworkMode"] = "awsvpc",
            ["Cpu"] = Ref("TaskCpu"),
            ["Memory"] = Ref("TaskMemory"),
            ["RuntimePlatform"] = new JsonObject { ["OperatingSystemFamily"] = "LINUX", ["CpuArchitecture"] = "X86_64" },
            ["ExecutionRoleArn"] = GetAtt("ExecutionRole", "Arn"),
            ["TaskRoleArn"] = GetAtt("TaskRole", "Arn"),
            // The root file system is read-only; the runtime gets a scratch /tmp.
            ["Volumes"] = Array(new JsonObject { ["Name"] = "tmp" }),
            ["ContainerDefinitions"] = Array(AppContainer(), CollectorContainer()),
            ["Tags"] = Tags("service"),
        });
    }

    private static JsonObject AppContainer() => new()
    {
        ["Name"] = "api",
        ["Image"] = Ref("ImageUri"),
        ["Essential"] = true,
        ["ReadonlyRootFilesystem"] = true,
        ["PortMappings"] = Array(new JsonObject { ["ContainerPort"] = AppPort, ["Protocol"] = "tcp", ["Name"] = "http" }),
        ["MountPoints"] = Array(new JsonObject { ["SourceVolume"] = "tmp", ["ContainerPath"] = "/tmp", ["ReadOnly"] = false }),
        ["Environment"] = Array(
            Env("ASPNETCORE_URLS", $"http://+:{AppPort}"),
            Env("Management__Url", $"http://+:{ManagementPort}"),
            Env("Storage__Provider", "DynamoDb"),
            Env("Storage__DynamoDb__Region", Ref("AWS::Region")),
            Env("Storage__DynamoDb__TablePrefix", Ref("TablePrefix")),
            Env("Storage__DynamoDb__CreateTables", "false"),
            Env("Auth__Mode", "Oidc"),
            Env("Auth__Authority", ImportValue("${IdentityStack}-Issuer")),
            Env("Auth__ClientId", ImportValue("${IdentityStack}-ClientId")),
            Env("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4317"),
            Env("OTEL_SERVICE_NAME", "upnest-api"),
            Env("OTEL_RESOURCE_ATTRIBUTES", Sub("deployment.environment=${Environment}")),
            // One request in ten is traced (X-Ray bills per trace); a sampled caller's decision is kept.
            Env("OTEL_TRACES_SAMPLER", "parentbased_traceidratio"),
            Env("OTEL_TRACES_SAMPLER_ARG", Ref("TraceSampleRatio"))),
        ["HealthCheck"] = new JsonObject
        {
            ["Command"] = Strings("CMD", "/app/healthcheck.sh"),
            ["Interval"] = 15, ["Timeout"] = 5, ["Retries"] = 3, ["StartPeriod"] = 30,
        },
        ["DependsOn"] = Array(new JsonObject { ["ContainerName"] = "otel-collector", ["Condition"] = "START" }),
        ["LogConfiguration"] = AwsLogs("AppLogGroup", "api"),
    };

    private static JsonObject CollectorContainer() => new()
    {
        ["Name"] = "otel-collector",
        ["Image"] = Ref("CollectorImage"),
        // Telemetry must not take the API down with it.
        ["Essential"] = false,
        ["Command"] = Strings("--config=env:AOT_CONFIG_CONTENT"),
        ["Environment"] = Array(Env("AOT_CONFIG_CONTENT", Sub(CollectorConfig.Yaml))),
        ["LogConfiguration"] = AwsLogs("AppLogGroup", "otel-collector"),
    };

    private static void AddService(JsonObject resources)
    {
        resources["Service"] = new JsonObject
        {
            ["Type"] = "AWS::ECS::Service",
            ["DependsOn"] = Strings("HttpsListener"),
            ["Properties"] = new JsonObject
            {
                ["ServiceName"] = Sub("upnest-${Environment}-api"),
                ["Cluster"] = Ref("Cluster"),
                ["TaskDefinition"] = Ref("TaskDefinition"),
                ["LaunchType"] = "FARGATE",
                ["DesiredCount"] = Ref("MinTasks"),
                ["HealthCheckGracePeriodSeconds"] = 60,
                ["DeploymentController"] = new JsonObject { ["Type"] = "ECS" },
                ["DeploymentConfiguration"] = new JsonObject
                {
                    ["MinimumHealthyPercent"] = 100,
                    ["MaximumPercent"] = 200,
                    ["DeploymentCircuitBreaker"] = new JsonObject { ["Enable"] = true, ["Rollback"] = true },
                    ["Alarms"] = new JsonObject
                    {
                        ["Enable"] = true,
                        ["Rollback"] = true,
                        ["AlarmNames"] = Array(Ref(ServiceAlarms.Http5xxRate), Ref(ServiceAlarms.UnhealthyHosts)),
                    },
                },
                ["NetworkConfiguration"] = new JsonObject
                {
                    ["AwsvpcConfiguration"] = new JsonObject
                    {
                        ["AssignPublicIp"] = "ENABLED",
                        ["Subnets"] = SubnetIds(),
                        ["SecurityGroups"] = Array(Ref("TaskSecurityGroup")),
                    },
                },
                ["LoadBalancers"] = Array(new JsonObject { ["ContainerName"] = "api", ["ContainerPort"] = AppPort, ["TargetGroupArn"] = Ref("TargetGroup") }),
                ["PropagateTags"] = "SERVICE",
                ["EnableExecuteCommand"] = false,
                ["Tags"] = Tags("service"),
            },
        };
        resources["ScalableTarget"] = Resource("AWS::ApplicationAutoScaling::ScalableTarget", new JsonObject
        {
            ["ServiceNamespace"] = "ecs",
            ["ScalableDimension"] = "ecs:service:DesiredCount",
            ["ResourceId"] = Sub("service/${Cluster}/${Service.Name}"),
            ["MinCapacity"] = Ref("MinTasks"),
            ["MaxCapacity"] = Ref("MaxTasks"),
        });
        resources["CpuScaling"] = Scaling("cpu", new JsonObject
        {
            ["PredefinedMetricSpecification"] = new JsonObject { ["PredefinedMetricType"] = "ECSServiceAverageCPUUtilization" },
            ["TargetValue"] = 60,
        });
        resources["RequestScaling"] = Scaling("requests", new JsonObject
        {
            ["PredefinedMetricSpecification"] = new JsonObject
            {
                ["PredefinedMetricType"] = "ALBRequestCountPerTarget",
                ["ResourceLabel"] = Sub("${LoadBalancer.LoadBalancerFullName}/${TargetGroup.TargetGroupFullName}"),
            },
            ["TargetValue"] = Ref("RequestsPerTaskTarget"),
        });
    }

    private static JsonObject Scaling(string name, JsonObject configuration)
    {
        configuration["ScaleInCooldown"] = 300;
        configuration["ScaleOutCooldown"] = 60;
        return Resource("AWS::ApplicationAutoScaling::ScalingPolicy", new JsonObject
        {
            ["PolicyName"] = Sub("upnest-${Environment}-" + name),
            ["PolicyType"] = "TargetTrackingScaling",
            ["ScalingTargetId"] = Ref("ScalableTarget"),
            ["TargetTrackingScalingPolicyConfiguration"] = configuration,
        });
    }

    private static JsonObject SubnetIds() => new() { ["Fn::Split"] = Array(",", ImportValue("${NetworkStack}-SubnetIds")) };

    private static JsonObject Ingress(int port, string cidr) => new() { ["IpProtocol"] = "tcp", ["FromPort"] = port, ["ToPort"] = port, ["CidrIp"] = cidr };

    private static JsonObject Attribute(string key, string value) => new() { ["Key"] = key, ["Value"] = value };

    private static JsonObject Env(string name, JsonNode value) => new() { ["Name"] = name, ["Value"] = value };

    private static JsonObject LogGroup(string name) => new()
    {
        ["Type"] = "AWS::Logs::LogGroup",
        ["DeletionPolicy"] = "Retain",
        ["UpdateReplacePolicy"] = "Retain",
        ["Properties"] = new JsonObject { ["LogGroupName"] = Sub(name), ["RetentionInDays"] = Ref("LogRetentionDays") },
    };

    private static JsonObject AwsLogs(string logGroup, string prefix) => new()
    {
        ["LogDriver"] = "awslogs",
        ["Options"] = new JsonObject
        {
            ["awslogs-group"] = Ref(logGroup), ["awslogs-region"] = Ref("AWS::Region"), ["awslogs-stream-prefix"] = prefix,
        },
    };

    private static JsonObject Role(string service, string policyName, JsonArray statements) => Resource("AWS::IAM::Role", new JsonObject
    {
        ["AssumeRolePolicyDocument"] = new JsonObject
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = Array(new JsonObject
            {
                ["Effect"] = "Allow",
                ["Principal"] = new JsonObject { ["Service"] = service },
                ["Action"] = "sts:AssumeRole",
                ["Condition"] = new JsonObject
                {
                    ["StringEquals"] = new JsonObject { ["aws:SourceAccount"] = Ref("AWS::AccountId") },
                },
            }),
        },
        ["Policies"] = Array(new JsonObject
        {
            ["PolicyName"] = policyName,
            ["PolicyDocument"] = new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = statements },
        }),
        ["Tags"] = Tags("service"),
    });
}
