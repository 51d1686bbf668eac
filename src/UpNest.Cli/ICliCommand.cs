namespace UpNest.Cli;

/// <summary>One `upnest` command. Add a class in Commands/ and one line in <see cref="CommandCatalog"/>.</summary>
internal interface ICliCommand
{
    /// <summary>The words that select it, e.g. "db create-tables".</summary>
    string Name { get; }

    /// <summary>Options, e.g. "[--out PATH]".</summary>
    string Usage { get; }

    string Summary { get; }

    /// <summary>Runs with the options after the command's words; returns the process exit code.</summary>
    Task<int> RunAsync(CommandArgs args, TextWriter output, CancellationToken ct);
}
