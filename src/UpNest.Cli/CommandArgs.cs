namespace UpNest.Cli;

/// <summary>`--name value` options and `--flag` switches after the command's words.</summary>
internal sealed class CommandArgs
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly List<string> _positional = [];

    private CommandArgs()
    {
    }

    public static CommandArgs Parse(IReadOnlyList<string> args)
    {
        var parsed = new CommandArgs();
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                parsed._positional.Add(args[i]);
                continue;
            }
            var name = args[i][2..];
            var hasValue = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            parsed._options[name] = hasValue ? args[++i] : null;
        }
        return parsed;
    }

    public string? Get(string name) => _options.GetValueOrDefault(name);

    /// <summary>Arguments that are not options (e.g. an input file), in order.</summary>
    public IReadOnlyList<string> Positional => _positional;

    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>Refuses options the command does not know, so a typo is not silently ignored.</summary>
    public void AllowOnly(params string[] names) => AllowOnly(0, names);

    /// <summary>As <see cref="AllowOnly(string[])"/>, with up to <paramref name="positional"/> plain arguments.</summary>
    public void AllowOnly(int positional, params string[] names)
    {
        if (_positional.Count > positional)
        {
            throw new UsageException($"Unexpected argument '{_positional[positional]}'.");
        }
        foreach (var name in _options.Keys.Where(n => !names.Contains(n)))
        {
            throw new UsageException($"Unknown option '--{name}'.");
        }
    }
}

internal sealed class UsageException(string message) : Exception(message);
