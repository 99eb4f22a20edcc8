namespace SgLambda.Diagnostics.Evaluation;

/// <summary>
/// AWS's verdict on a flow: both sides, and the exemption (DNS resolver, Time Sync, instance metadata)
/// that makes AWS skip SG filtering altogether, if any.
/// </summary>
public sealed record AwsVerdict(Flow Flow, string? Exemption, AwsSideVerdict Egress, AwsSideVerdict Ingress)
{
    public bool Allowed => Exemption is not null || (Egress.Allowed && Ingress.Allowed);

    public override string ToString() =>
        Exemption is not null
            ? $"{Flow}: allowed, not filtered by SGs ({Exemption})"
            : $"{Flow}: {(Allowed ? "allowed" : "denied")}; {Egress}; {Ingress}";
}
