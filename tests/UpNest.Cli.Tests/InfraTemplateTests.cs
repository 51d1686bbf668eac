using System.Text.Json.Nodes;
using UpNest.Cli.Infra;
using UpNest.Storage.DynamoDb.Infra;
using UpNest.Storage.DynamoDb.Schema;
using UpNest.Testing;

namespace UpNest.Cli.Tests;

/// <summary>Assertions on the generated templates: what a reviewer would check by hand before a first deploy.</summary>
public sealed class InfraTemplateTests
{
    private static JsonObject Template(string component) => StackSet.Parse(StackSet.All.Single(s => s.Component == component).Render());

    private static IEnumerable<(string Id, JsonNode Resource)> Resources(JsonObject template, string type) =>
        template["Resources"]!.AsObject().Where(r => (string?)r.Value!["Type"] == type).Select(r => (r.Key, r.Value!));

    private static IEnumerable<JsonNode> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => new[] { p.Value! }.Concat(Descendants(p.Value))),
        JsonArray a => a.SelectMany(i => new[] { i! }.Concat(Descendants(i))),
        _ => [],
    };

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonArray a => a.Select(i => (string)i!),
        JsonValue v => [(string)v!],
        _ => [],
    };

    /// <summary>Every IAM statement in every template: role policies and the KMS key policy.</summary>
    private static IEnumerable<(string Stack, JsonObject Statement)> Statements() =>
        StackSet.All.SelectMany(stack => Descendants(Template(stack.Component))
            .OfType<JsonObject>()
            .Where(o => o["Statement"] is JsonArray)
            .SelectMany(o => o["Statement"]!.AsArray().OfType<JsonObject>().Select(s => (stack.Component, s))));

    [Fact]
    public async Task The_committed_templates_are_the_generated_ones()
    {
        using var output = new StringWriter();
        var code = await CommandRunner.RunAsync(["infra", "synth", "--out", RepoPaths.InRepo(StackSet.Directory), "--check"], output, TextWriter.Null, default);
        Assert.True(code == 0, output.ToString());
    }

    [Fact]
    public void Every_table_is_encrypted_with_the_customer_key_has_PITR_and_deletion_protection()
    {
        var tables = Resources(Template("tables"), "AWS::DynamoDB::GlobalTable").ToList();
        Assert.Equal(Tables.All.Count, tables.Count);
        foreach (var (id, table) in tables)
        {
            var properties = table["Properties"]!;
            Assert.Equal("KMS", (string?)properties["SSESpecification"]!["SSEType"]);
            Assert.Equal("Retain", (string?)table["DeletionPolicy"]);
            var home = properties["Replicas"]![0]!;
            Assert.Equal("TablesKey", (string?)home["SSESpecification"]!["KMSMasterKeyId"]!["Fn::GetAtt"]![0]);
            Assert.True((bool)home["PointInTimeRecoverySpecification"]!["PointInTimeRecoveryEnabled"]!, id);
            Assert.True((bool)home["DeletionProtectionEnabled"]!, id);
        }
        var backup = Resources(Template("tables"), "AWS::Backup::BackupSelection").Single().Resource;
        Assert.Equal(Tables.All.Count, backup["Properties"]!["BackupSelection"]!["Resources"]!.AsArray().Count);
    }

    [Fact]
    public void No_IAM_statement_has_a_wildcard_action_except_the_key_policy_root_administration()
    {
        var statements = Statements().ToList();
        Assert.True(statements.Count >= 8);
        foreach (var (stack, statement) in statements)
        {
            var wildcards = Strings(statement["Action"]).Where(a => a.Contains('*', StringComparison.Ordinal)).ToList();
            if (wildcards.Count > 0)
            {
                Assert.Equal(("tables", "AccountAdministers", "kms:*"), (stack, (string?)statement["Sid"], Assert.Single(wildcards)));
                Assert.EndsWith(":root", (string)statement["Principal"]!["AWS"]!["Fn::Sub"]!, StringComparison.Ordinal);
            }
            Assert.Null(statement["NotAction"]);
        }
    }

    [Fact]
    public void The_task_role_may_call_only_the_item_operations_the_gateway_uses_on_UpNest_tables_and_indexes()
    {
        var role = Template("service")["Resources"]!["TaskRole"]!["Properties"]!["Policies"]![0]!["PolicyDocument"]!["Statement"]!.AsArray();
        var dynamo = role.Single(s => Strings(s!["Action"]).Any(a => a.StartsWith("dynamodb:", StringComparison.Ordinal)))!;

        var actions = Strings(dynamo["Action"]).ToHashSet();
        Assert.Equal(TaskRolePolicy.DynamoDbActions.ToHashSet(), actions);
        Assert.DoesNotContain("dynamodb:Scan", actions);
        Assert.DoesNotContain(actions, a => a is "dynamodb:CreateTable" or "dynamodb:DeleteTable" or "dynamodb:UpdateTable" or "dynamodb:UpdateTimeToLive");
        // Every statement of the role touches DynamoDB, KMS, the metric log group or X-Ray only.
        Assert.All(role, s => Assert.All(Strings(s!["Action"]), a => Assert.Matches("^(dynamodb|kms|logs|xray):[A-Za-z]+$", a)));

        var resources = dynamo["Resource"]!.AsArray();
        var expected = Tables.All.Sum(t => 1 + t.Indexes.Count);
        Assert.Equal(expected, resources.Count);
        foreach (var resource in resources)
        {
            var sub = resource!["Fn::Sub"]!.AsArray();
            Assert.Matches(@"^arn:\$\{AWS::Partition\}:dynamodb:\$\{AWS::Region\}:\$\{AWS::AccountId\}:table/\$\{Name\}(/index/[A-Za-z]+)?$", (string)sub[0]!);
            Assert.StartsWith("${TablesStack}-", (string)sub[1]!["Name"]!["Fn::ImportValue"]!["Fn::Sub"]!, StringComparison.Ordinal);
        }
        var kms = role.Single(s => Strings(s!["Action"]).Any(a => a.StartsWith("kms:", StringComparison.Ordinal)))!;
        Assert.Equal("${TablesStack}-TablesKeyArn", (string)kms["Resource"]!["Fn::ImportValue"]!["Fn::Sub"]!);
        Assert.NotNull(kms["Condition"]!["StringEquals"]!["kms:ViaService"]);
    }

    [Fact]
    public void The_task_role_covers_every_DynamoDB_call_in_the_store_code_but_table_administration()
    {
        // Only `upnest db create-tables` and Storage:DynamoDb:CreateTables=true (local development) administer tables.
        string[] administration = ["CreateTable", "DeleteTable", "UpdateTimeToLive", "DescribeTimeToLive"];
        var called = Directory.EnumerateFiles(RepoPaths.InRepo("src", "UpNest.Storage.DynamoDb"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), @"client\.([A-Za-z]+)Async\(").Select(m => m.Groups[1].Value))
            .Distinct()
            .Except(administration)
            // IAM authorizes each item of a transaction as PutItem, UpdateItem, DeleteItem or ConditionCheckItem.
            .Select(call => call == "TransactWriteItems" ? "PutItem" : call)
            .Select(call => "dynamodb:" + call)
            .ToList();

        Assert.Contains("dynamodb:Query", called);
        Assert.All(called, call => Assert.Contains(call, TaskRolePolicy.DynamoDbActions));
    }

    [Fact]
    public void Every_alarm_of_the_issue_exists_and_notifies_the_topic()
    {
        var alarms = Resources(Template("service"), "AWS::CloudWatch::Alarm").ToDictionary(a => a.Id, a => a.Resource["Properties"]!);
        string[] required =
        [
            ServiceAlarms.Http5xxRate, ServiceAlarms.P99Latency, ServiceAlarms.UnhealthyHosts, ServiceAlarms.AuditWriteFailures, ServiceAlarms.MonthlyCost,
            .. Tables.All.SelectMany(t => new[] { $"{t.Name}ThrottlesAlarm", $"{t.Name}SystemErrorsAlarm" }),
        ];
        Assert.Equal(required.Order(), alarms.Keys.Order());
        Assert.All(alarms.Values, a => Assert.Equal("AlarmTopic", (string?)a["AlarmActions"]![0]!["Ref"]));
        Assert.Equal("p99", (string?)alarms[ServiceAlarms.P99Latency]["ExtendedStatistic"]);
        Assert.Equal("LatencyGoalSeconds", (string?)alarms[ServiceAlarms.P99Latency]["Threshold"]!["Ref"]);
        Assert.Equal("upnest.audit.events.failed", (string?)alarms[ServiceAlarms.AuditWriteFailures]["MetricName"]);
        Assert.All(Tables.All, t => Assert.Equal(9, alarms[$"{t.Name}SystemErrorsAlarm"]["Metrics"]!.AsArray().Count));
    }

    [Fact]
    public void The_app_client_is_public_code_flow_only_and_UpNest_trusts_the_pool_in_Oidc_mode()
    {
        var client = Resources(Template("identity"), "AWS::Cognito::UserPoolClient").Single().Resource["Properties"]!;
        Assert.False((bool)client["GenerateSecret"]!);
        Assert.Equal(["code"], Strings(client["AllowedOAuthFlows"]));
        Assert.DoesNotContain(Strings(client["ExplicitAuthFlows"]), f => f.Contains("PASSWORD", StringComparison.Ordinal));
        var pool = Resources(Template("identity"), "AWS::Cognito::UserPool").Single().Resource["Properties"]!;
        Assert.True((int)pool["Policies"]!["PasswordPolicy"]!["MinimumLength"]! >= 12);
        Assert.Equal("OPTIONAL", (string?)pool["MfaConfiguration"]);

        var environment = Template("service")["Resources"]!["TaskDefinition"]!["Properties"]!["ContainerDefinitions"]![0]!["Environment"]!.AsArray()
            .ToDictionary(e => (string)e!["Name"]!, e => e!["Value"]!);
        Assert.Equal("Oidc", (string?)environment["Auth__Mode"]);
        Assert.Equal("${IdentityStack}-Issuer", (string?)environment["Auth__Authority"]!["Fn::ImportValue"]!["Fn::Sub"]);
        Assert.Equal("${IdentityStack}-ClientId", (string?)environment["Auth__ClientId"]!["Fn::ImportValue"]!["Fn::Sub"]);
        Assert.Equal("false", (string?)environment["Storage__DynamoDb__CreateTables"]);
    }

    [Fact]
    public void The_service_runs_two_or_more_tasks_in_two_zones_behind_HTTPS_and_rolls_back_bad_deployments()
    {
        var service = Template("service");
        var resources = service["Resources"]!;
        Assert.True((int)service["Parameters"]!["MinTasks"]!["MinValue"]! >= 2);
        var deployment = resources["Service"]!["Properties"]!["DeploymentConfiguration"]!;
        Assert.True((bool)deployment["DeploymentCircuitBreaker"]!["Rollback"]!);
        Assert.True((bool)deployment["Alarms"]!["Rollback"]!);
        Assert.Equal("/health/ready", (string?)resources["TargetGroup"]!["Properties"]!["HealthCheckPath"]);
        var https = resources["HttpsListener"]!["Properties"]!;
        Assert.Equal("HTTPS", (string?)https["Protocol"]);
        Assert.Equal("CertificateArn", (string?)https["Certificates"]![0]!["CertificateArn"]!["Ref"]);
        var scaling = Resources(service, "AWS::ApplicationAutoScaling::ScalingPolicy")
            .Select(p => (string)p.Resource["Properties"]!["TargetTrackingScalingPolicyConfiguration"]!["PredefinedMetricSpecification"]!["PredefinedMetricType"]!);
        Assert.Equal(["ALBRequestCountPerTarget", "ECSServiceAverageCPUUtilization"], scaling.Order());

        var zones = Resources(Template("network"), "AWS::EC2::Subnet").Select(s => (int)s.Resource["Properties"]!["AvailabilityZone"]!["Fn::Select"]![0]!);
        Assert.Equal([0, 1], zones.Order());

        var app = resources["TaskDefinition"]!["Properties"]!["ContainerDefinitions"]![0]!;
        Assert.True((bool)app["ReadonlyRootFilesystem"]!);
        Assert.Equal(ServiceTemplate.AppPort, (int)Assert.Single(app["PortMappings"]!.AsArray())!["ContainerPort"]!);
        var ingress = Assert.Single(resources["TaskSecurityGroup"]!["Properties"]!["SecurityGroupIngress"]!.AsArray())!;
        Assert.Equal(ServiceTemplate.AppPort, (int)ingress["FromPort"]!);
        Assert.Equal("LoadBalancerSecurityGroup", (string?)ingress["SourceSecurityGroupId"]!["Ref"]);
        Assert.All(Resources(service, "AWS::Logs::LogGroup"), g => Assert.Equal("LogRetentionDays", (string?)g.Resource["Properties"]!["RetentionInDays"]!["Ref"]));
    }

    [Fact]
    public void The_collector_turns_every_UpNest_instrument_into_a_CloudWatch_metric()
    {
        var selectors = System.Text.RegularExpressions.Regex.Matches(CollectorConfig.Yaml, @"^\s+- (\^upnest\S+)$", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value.Replace(@"\\", @"\", StringComparison.Ordinal))
            .ToList();
        var instruments = typeof(UpNest.Core.Telemetry.UpNestTelemetryNames).GetFields()
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Where(n => n.StartsWith("upnest.", StringComparison.Ordinal)).ToList();

        Assert.Equal(11, instruments.Count);
        Assert.All(instruments, name => Assert.Contains(selectors, s => System.Text.RegularExpressions.Regex.IsMatch(name, s)));
        Assert.DoesNotContain(selectors, s => System.Text.RegularExpressions.Regex.IsMatch("http.server.request.duration", s));
    }

    [Fact]
    public void Every_template_fits_the_inline_template_body_limit_when_compact()
    {
        foreach (var stack in StackSet.All)
        {
            var size = System.Text.Encoding.UTF8.GetByteCount(StackSet.Parse(stack.Render()).ToJsonString(Cfn.Compact));
            Assert.True(size < 51_200, $"{stack.FileName}: {size} bytes; over 51,200 the deploy must upload it to S3 first");
        }
    }
}
