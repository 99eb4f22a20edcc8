namespace SgLambda.Diagnostics.Doctor;

/// <summary>What became of one check: it ran and found nothing, ran and found problems, or could not run.</summary>
public enum CheckStatus
{
    Passed,
    Failed,
    /// <summary>Not run (its input was not given or not configured): never counted as passed.</summary>
    Skipped,
}
