using SgLambda.Core.Calico;

namespace SgLambda.Diagnostics.Doctor;

/// <summary>One problem of an installation: what is wrong, why it matters and the command that fixes it.</summary>
/// <param name="Check">The check that found it (<see cref="CheckIds"/>).</param>
/// <param name="Id">What kind of problem (<see cref="FindingIds"/>), stable for automation.</param>
/// <param name="Subject">The object or AWS resource concerned (<c>Tier/sg-local</c>, <c>eni-0abc</c>, <c>sg-0abc</c>).</param>
/// <param name="Severity">Error: the SGs are not enforced as AWS would; warning: they may soon not be.</param>
/// <param name="What">What is wrong.</param>
/// <param name="Why">Why it matters.</param>
/// <param name="Fix">The command (or step) that fixes it.</param>
public sealed record DoctorFinding(
    string Check,
    string Id,
    DoctorSeverity Severity,
    string Subject,
    string What,
    string Why,
    string Fix)
{
    /// <summary>The cluster objects it concerns, so drift does not report them twice.</summary>
    public IReadOnlyList<ObjectKey> Objects { get; init; } = [];
}
