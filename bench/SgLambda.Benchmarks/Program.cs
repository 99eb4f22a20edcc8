using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using SgLambda.Benchmarks;

// --cold-start: the Lambda bootstrap's cold start, Native AOT against JIT (not a BenchmarkDotNet benchmark).
if (args.Contains(ColdStart.Flag, StringComparer.Ordinal)) return await ColdStart.RunAsync(args);

// --sync: the reconciler's first full sync and a no-op reconcile against the emulator with latency and 429s.
if (args.Contains(SyncRun.ReconcilerFlag, StringComparer.Ordinal)) return await SyncRun.ReconcileAsync(args);
if (args.Contains(SyncRun.Flag, StringComparer.Ordinal)) return await SyncRun.RunAsync(args);

// --event-cost: one event's time at 100 and 10,000 SGs, SgLambda's own share apart from the in-process emulators'.
if (args.Contains(EventCostRun.Flag, StringComparer.Ordinal)) return await EventCostRun.RunAsync(args);

// --render-command: the whole render command (process start to exit) against Translator.Render, in one run.
if (args.Contains(RenderCommandBench.Flag, StringComparer.Ordinal)) return RenderCommandBench.Run(args);

// --quick: one timed run of each size without BenchmarkDotNet, for a fast sanity figure and a phase profile.
if (args.Contains(QuickRun.Flag, StringComparer.Ordinal)) return QuickRun.Run(args);

// --dataplane: what Felix programs per endpoint and walks per packet, before and after issue 16's construction.
if (args.Contains(DataplaneRun.Flag, StringComparer.Ordinal)) return DataplaneRun.Run(args);

// --relabel: the reconciler's relabel pass for N pods the webhook missed, through the webhook on the emulator.
if (args.Contains(RelabelRun.Flag, StringComparer.Ordinal)) return await RelabelRun.RunAsync(args);

// Min and median beside the mean: on a shared machine the least disturbed iterations say the most.
var config = DefaultConfig.Instance.AddColumn(StatisticColumn.Min, StatisticColumn.Median);
var summaries = BenchmarkSwitcher.FromAssembly(typeof(RenderBenchmarks).Assembly).Run(args, config);
return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
