using System.Text;
using UpNest.Schedules.Generator;

// Usage: dotnet run --project tools/UpNest.Schedules.Generator [-- --check] [--reference DIR]
// Writes (or with --check compares) both embedded resources: the schedules and the CDSi data.
// Default paths are found from the repository root (the folder holding UpNest.slnx).
var check = args.Contains("--check");
var root = RepositoryRoot.Find(Directory.GetCurrentDirectory());
var reference = Option("--reference") ?? Path.GetFullPath(Path.Combine(root, "..", "shared", "reference"));
var outputs = new (string RelativePath, Func<string, string> Generate)[]
{
    (ScheduleDataGenerator.OutputRelativePath, ScheduleDataGenerator.Generate),
    (CdsiDataGenerator.OutputRelativePath, CdsiDataGenerator.Generate),
};

var exit = 0;
foreach (var (relativePath, generate) in outputs)
{
    var output = Path.Combine(root, relativePath);
    var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(generate(reference));
    if (check)
    {
        var same = File.Exists(output) && File.ReadAllBytes(output).AsSpan().SequenceEqual(bytes);
        Console.WriteLine(same ? $"{output} is up to date" : $"{output} differs from a fresh generation");
        exit |= same ? 0 : 1;
        continue;
    }

    Directory.CreateDirectory(Path.GetDirectoryName(output)!);
    File.WriteAllBytes(output, bytes);
    Console.WriteLine($"wrote {output} ({bytes.Length} bytes)");
}

return exit;

string? Option(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}
