namespace SgLambda.Diagnostics.Evaluation;

/// <summary>What decided (or was noted) at a step of a Calico evaluation.</summary>
public enum TraceStepKind
{
    /// <summary>A policy rule matched.</summary>
    Rule,
    /// <summary>No rule of the tier's applicable policies matched: the tier's defaultAction applied.</summary>
    TierDefault,
    /// <summary>Every tier passed (or none applied): the endpoint's profiles decided.</summary>
    Profile,
}
