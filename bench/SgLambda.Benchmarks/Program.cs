using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using SgLambda.Benchmarks;

// --cold-start: the Lambda bootstrap's cold start, Native AOT against JIT (not a BenchmarkDotNet benchmark).
if (args.Contains(ColdStart.Flag, StringComparer.Ordinal)) return await ColdStart.RunAsync(args);

// --render-command: the whole render command (process start to exit) against Translator.Render, in one run.
if (args.Contains(RenderCommandBench.Flag, StringComparer.Ordinal)) return RenderCommandBench.Run(args);

// --quick: one timed run of each size without BenchmarkDotNet, for a fast sanity figure and a phase profile.
if (args.Contains(QuickRun.Flag, StringComparer.Ordinal)) return QuickRun.Run(args);

// Min and median beside the mean: on a shared machine the least disturbed iterations say the most.
var config = DefaultConfig.Instance.AddColumn(StatisticColumn.Min, StatisticColumn.Median);
var summaries = BenchmarkSwitcher.FromAssembly(typeof(RenderBenchmarks).Assembly).Run(args, config);
return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
