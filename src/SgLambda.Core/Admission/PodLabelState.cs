namespace SgLambda.Core.Admission;

/// <summary>What the relabelling reads of a running pod: where it is, its labels, its SG claim (the annotation's text).</summary>
public sealed record PodLabelState(string Namespace, string Name, IReadOnlyDictionary<string, string> Labels, string? Claim, bool HostNetwork)
{
    public override string ToString() => $"{Namespace}/{Name}";
}
