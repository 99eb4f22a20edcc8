using System.Globalization;

namespace SgLambda.Diagnostics.Evaluation;

/// <summary>
/// One step of a Calico verdict: a matched rule (tier, policy, rule index, action and the rule's
/// <c>metadata.annotations</c>), a tier's default action, or the profile decision.
/// </summary>
public sealed record TraceStep(
    TraceStepKind Kind,
    string Action,
    string? Tier = null,
    string? Policy = null,
    int? RuleIndex = null,
    IReadOnlyDictionary<string, string>? Annotations = null)
{
    public override string ToString()
    {
        var where = Kind switch
        {
            TraceStepKind.Rule => $"tier {Tier} -> policy {Policy} -> rule {RuleIndex?.ToString(CultureInfo.InvariantCulture)}",
            TraceStepKind.TierDefault => $"tier {Tier} -> tier default",
            _ => $"profile {Policy ?? "(none)"}",
        };
        var notes = Annotations is { Count: > 0 }
            ? " " + string.Join(", ", Annotations.Select(pair => $"{pair.Key}={pair.Value}"))
            : "";
        return $"{where} -> {Action}{notes}";
    }
}
