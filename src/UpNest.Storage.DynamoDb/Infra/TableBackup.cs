using System.Text.Json.Nodes;
using UpNest.Storage.DynamoDb.Schema;
using static UpNest.Storage.DynamoDb.Infra.Cfn;

namespace UpNest.Storage.DynamoDb.Infra;

/// <summary>
/// Daily AWS Backup of every table, kept 35 days, next to PITR: PITR restores to any second of the
/// last 35 days, a backup survives a dropped table or a PITR setting switched off by mistake.
/// </summary>
internal static class TableBackup
{
    public static void AddTo(JsonObject resources)
    {
        resources["BackupVault"] = new JsonObject
        {
            ["Type"] = "AWS::Backup::BackupVault",
            ["DeletionPolicy"] = "Retain",
            ["UpdateReplacePolicy"] = "Retain",
            ["Properties"] = new JsonObject
            {
                ["BackupVaultName"] = Sub("upnest-${Environment}"),
                ["EncryptionKeyArn"] = GetAtt("TablesKey", "Arn"),
            },
        };
        resources["BackupRole"] = Resource("AWS::IAM::Role", new JsonObject
        {
            ["AssumeRolePolicyDocument"] = new JsonObject
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = Array(new JsonObject
                {
                    ["Effect"] = "Allow",
                    ["Principal"] = new JsonObject { ["Service"] = "backup.amazonaws.com" },
                    ["Action"] = "sts:AssumeRole",
                }),
            },
            ["ManagedPolicyArns"] = Array(
                Sub("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup"),
                Sub("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores")),
        });
        resources["BackupPlan"] = Resource("AWS::Backup::BackupPlan", new JsonObject
        {
            ["BackupPlan"] = new JsonObject
            {
                ["BackupPlanName"] = Sub("upnest-${Environment}-tables"),
                ["BackupPlanRule"] = Array(new JsonObject
                {
                    ["RuleName"] = "daily",
                    ["TargetBackupVault"] = Ref("BackupVault"),
                    ["ScheduleExpression"] = "cron(0 3 * * ? *)",
                    ["Lifecycle"] = new JsonObject { ["DeleteAfterDays"] = 35 },
                }),
            },
        });
        resources["BackupSelection"] = Resource("AWS::Backup::BackupSelection", new JsonObject
        {
            ["BackupPlanId"] = Ref("BackupPlan"),
            ["BackupSelection"] = new JsonObject
            {
                ["SelectionName"] = "tables",
                ["IamRoleArn"] = GetAtt("BackupRole", "Arn"),
                ["Resources"] = Array(Tables.All.Select(t => (JsonNode)GetAtt(TablesTemplate.LogicalId(t), "Arn"))),
            },
        });
    }
}
