using Microsoft.Extensions.DependencyInjection;
using UpNest.Core.Common;
using UpNest.Core.Users;
using UpNest.Storage.Contract.Harness;
using UpNest.Storage.DynamoDb;
using UpNest.Storage.DynamoDb.Infra;
using UpNest.Storage.DynamoDb.Schema;
using UpNest.Testing;

namespace UpNest.Storage.Contract.DynamoDb;

public sealed class TablesTemplateTests
{
    private static string CommittedTemplate() => File.ReadAllText(RepoPaths.InRepo(TablesTemplate.DefaultPath));

    [Fact]
    public void The_committed_template_is_the_one_the_code_generates()
    {
        Assert.True(CommittedTemplate().ReplaceLineEndings("\n") == TablesTemplate.Render(),
            $"{TablesTemplate.DefaultPath} is out of date: run `dotnet run --project src/UpNest.Cli -- infra tables`.");
    }

    [Fact]
    public void Every_table_is_on_demand_encrypted_with_the_template_key_recoverable_protected_tagged_and_expiring()
    {
        var template = CloudFormationTables.Parse(CommittedTemplate());
        Assert.Equal("AWS::KMS::Key", (string?)template["Resources"]!["TablesKey"]!["Type"]);
        Assert.NotNull(template["Parameters"]!["Environment"]);
        Assert.NotNull(template["Parameters"]!["ReplicaRegions"]);

        var tables = CloudFormationTables.GlobalTables(template).ToList();
        Assert.Equal(Tables.All.Select(TablesTemplate.LogicalId), tables.Select(t => t.LogicalId));
        foreach (var (_, properties) in tables)
        {
            Assert.Equal("PAY_PER_REQUEST", (string?)properties["BillingMode"]);
            Assert.Equal("KMS", (string?)properties["SSESpecification"]!["SSEType"]);
            Assert.Equal("expiresAt", (string?)properties["TimeToLiveSpecification"]!["AttributeName"]);
            var home = properties["Replicas"]![0]!;
            Assert.Equal("AWS::Region", (string?)home["Region"]!["Ref"]);
            Assert.True((bool)home["PointInTimeRecoverySpecification"]!["PointInTimeRecoveryEnabled"]!);
            Assert.True((bool)home["DeletionProtectionEnabled"]!);
            Assert.Equal("TablesKey", (string?)home["SSESpecification"]!["KMSMasterKeyId"]!["Fn::GetAtt"]![0]);
            Assert.Contains(home["Tags"]!.AsArray(), t => (string?)t!["Key"] == "Environment");
            // The optional replicas are conditional on the ReplicaRegions parameter.
            Assert.Equal(["HasReplica1", "HasReplica2"], properties["Replicas"]!.AsArray().Skip(1).Select(r => (string)r!["Fn::If"]![0]!));
        }
    }

    [Fact]
    public async Task Tables_created_from_the_template_itself_are_accepted_by_DynamoDB_and_serve_the_store()
    {
        var url = await DynamoDbLocal.GetUrlAsync();
        var prefix = $"cfn{Guid.NewGuid():N}"[..12] + "-";
        using var client = DynamoDbStorageExtensions.CreateClient(new DynamoDbStorageOptions { ServiceUrl = url, TablePrefix = prefix });
        var template = CloudFormationTables.Parse(CommittedTemplate());

        foreach (var (_, properties) in CloudFormationTables.GlobalTables(template))
        {
            var request = CloudFormationTables.ToCreateTable(properties, prefix);
            await client.CreateTableAsync(request);
            await client.UpdateTimeToLiveAsync(CloudFormationTables.ToTimeToLive(properties, request.TableName));
        }

        foreach (var table in Tables.All)
        {
            var described = (await client.DescribeTableAsync(table.PhysicalName(prefix))).Table;
            Assert.Equal([table.PartitionKey.Name, table.SortKey.Name], described.KeySchema.Select(k => k.AttributeName));
            var expectedIndexes = table.Indexes.Select(i => $"{i.Name}:{i.ProjectionType}").Order();
            var actualIndexes = (described.GlobalSecondaryIndexes ?? []).Select(i => $"{i.IndexName}:{i.Projection.ProjectionType}")
                .Concat((described.LocalSecondaryIndexes ?? []).Select(i => $"{i.IndexName}:{i.Projection.ProjectionType}")).Order();
            Assert.Equal(expectedIndexes, actualIndexes);
        }

        // The store starts on these tables without creating any, and works.
        var services = new ServiceCollection()
            .AddDynamoDbStorage(DynamoDbHarness.Section(url, prefix, ("CreateTables", "false")))
            .BuildServiceProvider();
        await services.GetRequiredService<IStorageLifecycle>().InitializeAsync(CancellationToken.None);
        Assert.True(await services.GetRequiredService<IStorageLifecycle>().IsReadyAsync(CancellationToken.None));
        var user = TestData.User();
        await services.GetRequiredService<IUserStore>().CreateAsync(user, CancellationToken.None);
        Assert.Equal(user, await services.GetRequiredService<IUserStore>().FindByEmailAsync(user.Email!, CancellationToken.None));
        await services.GetRequiredService<TableProvisioner>().DeleteAllAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Without_CreateTables_a_missing_table_stops_the_start_with_a_clear_message()
    {
        var url = await DynamoDbLocal.GetUrlAsync();
        var services = new ServiceCollection()
            .AddDynamoDbStorage(DynamoDbHarness.Section(url, $"none{Guid.NewGuid():N}-", ("CreateTables", "false")))
            .BuildServiceProvider();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => services.GetRequiredService<IStorageLifecycle>().InitializeAsync(CancellationToken.None));

        Assert.Contains("create-tables", failure.Message, StringComparison.Ordinal);
    }
}
