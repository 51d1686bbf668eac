namespace UpNest.Testing;

/// <summary>Where the repository and the shared reference material are, from any test's bin folder.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
        FindRepoRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"No UpNest.slnx above {AppContext.BaseDirectory}."));

    /// <summary>The folder holding UpNest.slnx.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The read-only shared folder beside the repository (<c>../shared</c>).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary><c>../shared/reference</c>: WHO tables, schedules and their sources.</summary>
    public static string Reference => Path.Combine(Shared, "reference");

    public static string InRepo(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>Walks up from <paramref name="start"/> to the folder holding UpNest.slnx.</summary>
    public static string? FindRepoRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "UpNest.slnx")))
            {
                return dir.FullName;
            }
        }
        return null;
    }
}
