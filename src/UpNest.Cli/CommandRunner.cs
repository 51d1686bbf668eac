namespace UpNest.Cli;

internal static class CommandRunner
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct)
    {
        // The command whose words match the most leading arguments.
        var command = CommandCatalog.All
            .Select(c => (Command: c, Words: c.Name.Split(' ')))
            .Where(c => args.Length >= c.Words.Length && c.Words.SequenceEqual(args.Take(c.Words.Length)))
            .OrderByDescending(c => c.Words.Length)
            .FirstOrDefault();
        if (command.Command is null || args.Contains("--help"))
        {
            await PrintHelpAsync(command.Command is null ? error : output);
            return command.Command is null && !args.Contains("--help") ? 2 : 0;
        }
        try
        {
            return await command.Command.RunAsync(CommandArgs.Parse(args[command.Words.Length..]), output, ct);
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync($"{e.Message}\nusage: upnest {command.Command.Name} {command.Command.Usage}");
            return 2;
        }
    }

    private static async Task PrintHelpAsync(TextWriter writer)
    {
        await writer.WriteLineAsync("usage: upnest <command> [options]\n\ncommands:");
        foreach (var command in CommandCatalog.All)
        {
            await writer.WriteLineAsync($"  {command.Name} {command.Usage}\n      {command.Summary}");
        }
    }
}
