using UpNest.Growth.Generator;

// Regenerates src/UpNest.Growth/Standards/who-lms.bin from the WHO tables.
// Usage: dotnet run --project tools/UpNest.Growth.Generator [whoReferenceDir] [outputFile]
// Defaults: ../shared/reference/who next to the repository, and the committed resource path.
var repoRoot = RepoPaths.FindRepoRoot(AppContext.BaseDirectory) ?? Directory.GetCurrentDirectory();
var source = args.Length > 0 ? args[0] : Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "reference", "who"));
var output = args.Length > 1 ? args[1] : Path.Combine(repoRoot, "src", "UpNest.Growth", "Standards", "who-lms.bin");

Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
var bytes = WhoLmsEncoder.Encode(source);
File.WriteAllBytes(output, bytes);
Console.WriteLine($"Wrote {bytes.Length:N0} bytes to {output} from {source}.");
// Print what went in, so a regenerated resource can be traced to its exact inputs.
foreach (var (_, path, _) in WhoLmsEncoder.Tables)
{
    var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(source, path))));
    Console.WriteLine($"  {sha}  {path}");
}
Console.WriteLine("WHO figures: CC BY-NC-SA 3.0 IGO, attribution World Health Organization (see NOTICE-WHO.md).");
