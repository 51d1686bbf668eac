using UpNest.Cli;

// The `upnest` admin tool: every command is one file in Commands/, listed in CommandCatalog.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await CommandRunner.RunAsync(args, Console.Out, Console.Error, cancel.Token);
