using System.Text;
using UpNest.Schedules.Generator;

// Usage: dotnet run --project tools/UpNest.Schedules.Generator [-- --check] [--reference DIR] [--out FILE]
// Default paths are found from the repository root (the folder holding UpNest.slnx).
var check = args.Contains("--check");
var root = RepositoryRoot.Find(Directory.GetCurrentDirectory());
var reference = Option("--reference") ?? Path.GetFullPath(Path.Combine(root, "..", "shared", "reference"));
var output = Option("--out") ?? Path.Combine(root, ScheduleDataGenerator.OutputRelativePath);

var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(ScheduleDataGenerator.Generate(reference));
if (check)
{
    var same = File.Exists(output) && File.ReadAllBytes(output).AsSpan().SequenceEqual(bytes);
    Console.WriteLine(same ? $"{output} is up to date" : $"{output} differs from a fresh generation");
    return same ? 0 : 1;
}

Directory.CreateDirectory(Path.GetDirectoryName(output)!);
File.WriteAllBytes(output, bytes);
Console.WriteLine($"wrote {output} ({bytes.Length} bytes)");
return 0;

string? Option(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}
