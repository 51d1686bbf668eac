namespace UpNest.Schedules.Generator;

public static class RepositoryRoot
{
    /// <summary>Walks up from <paramref name="start"/> to the folder that holds UpNest.slnx.</summary>
    public static string Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "UpNest.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no UpNest.slnx above {start}");
    }
}
