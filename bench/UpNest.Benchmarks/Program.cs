using BenchmarkDotNet.Running;

namespace UpNest.Benchmarks;

// Every benchmark class in this assembly is selectable, so other areas can add their own:
// dotnet run -c Release --project bench/UpNest.Benchmarks -- --filter '*Growth*' --job short
// (a class of its own, not top-level statements: the API's Program is referenced by the HTTP benchmark)
internal static class BenchmarkProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
