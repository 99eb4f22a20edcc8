namespace SgLambda.Diagnostics.Doctor;

/// <summary>A function's log group over the last hour: how many error lines, and the first few of them.</summary>
/// <param name="LogGroupName">The group, <c>/aws/lambda/&lt;function&gt;</c>.</param>
/// <param name="Exists">False when CloudWatch Logs has no such group (the function never ran, or the name is wrong).</param>
/// <param name="ErrorCount">Error lines in the last hour.</param>
/// <param name="Samples">The first few of them.</param>
public sealed record FunctionLogErrors(string LogGroupName, bool Exists, int ErrorCount, IReadOnlyList<string> Samples);
