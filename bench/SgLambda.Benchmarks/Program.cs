using BenchmarkDotNet.Running;
using SgLambda.Benchmarks;

// --quick: one timed run of each size without BenchmarkDotNet, for a fast sanity figure and a phase profile.
if (args.Contains(QuickRun.Flag, StringComparer.Ordinal)) return QuickRun.Run(args);

var summaries = BenchmarkSwitcher.FromAssembly(typeof(RenderBenchmarks).Assembly).Run(args);
return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
