namespace UpNest.Growth.Generator;

public static class RepoPaths
{
    /// <summary>Walks up from <paramref name="start"/> to the folder holding UpNest.slnx.</summary>
    public static string? FindRepoRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "UpNest.slnx"))) return dir.FullName;
        }
        return null;
    }
}
