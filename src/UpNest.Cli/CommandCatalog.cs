using UpNest.Cli.Commands;

namespace UpNest.Cli;

internal static class CommandCatalog
{
    /// <summary>Every command, one line each.</summary>
    public static IReadOnlyList<ICliCommand> All { get; } =
    [
        new CreateTablesCommand(),
        new InfraTablesCommand(),
        new InfraSynthCommand(),
        new DeployCommand(),
        new AuditVerifyCommand(),
        new ZScoresCommand(),
        new KeysRotateCommand(),
    ];
}
