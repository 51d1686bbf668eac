namespace UpNest.Cli.Infra;

/// <summary>Writes a generated template, or with --check tells whether the file on disk still matches it.</summary>
internal static class TemplateFile
{
    /// <summary>Returns false only when checking and the file differs (or is missing).</summary>
    public static async Task<bool> WriteOrCheckAsync(string path, string template, bool check, string regenerate, TextWriter output, CancellationToken ct)
    {
        if (check)
        {
            var current = File.Exists(path) ? await File.ReadAllTextAsync(path, ct) : null;
            var same = current?.ReplaceLineEndings("\n") == template;
            await output.WriteLineAsync(same ? $"{path} is up to date" : $"{path} differs from the code: run `{regenerate}`");
            return same;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, template, ct);
        await output.WriteLineAsync($"wrote {path}");
        return true;
    }
}
