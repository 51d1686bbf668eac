using BenchmarkDotNet.Running;

// Every benchmark class in this assembly is selectable, so other areas can add their own:
// dotnet run -c Release --project bench/UpNest.Benchmarks -- --filter '*Growth*' --job short
BenchmarkSwitcher.FromAssembly(typeof(UpNest.Benchmarks.BatchEndpointBenchmarks).Assembly).Run(args);
