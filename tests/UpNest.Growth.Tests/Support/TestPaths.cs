namespace UpNest.Growth.Tests.Support;

/// <summary>Locates the repository (folder with UpNest.slnx) and ../shared/reference next to it.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Reference { get; } = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "reference"));

    public static string Who => Path.Combine(Reference, "who");

    public static string WhoTests => Path.Combine(Reference, "who-tests");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "UpNest.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("UpNest.slnx not found above " + AppContext.BaseDirectory);
    }
}
