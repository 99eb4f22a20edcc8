namespace SgLambda.Diagnostics.Doctor;

/// <summary>
/// A part of the installation doctor may or may not have looked at: its value, or why it was not read
/// (offline, or the option naming it was not given). A skipped observation makes its check skipped.
/// Made by <see cref="Observation"/>.
/// </summary>
public sealed record Observed<T>(T? Value, string? SkippedBecause);
