namespace SgLambda.Benchmarks;

/// <summary>A build of the bootstrap to start: its name in the table, and the command that runs it.</summary>
public sealed record ColdStartTarget(string Name, string FileName, IReadOnlyList<string> Arguments);
