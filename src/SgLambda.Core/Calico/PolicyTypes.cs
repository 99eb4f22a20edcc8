namespace SgLambda.Core.Calico;

/// <summary>Values of a policy's <c>types</c>.</summary>
public static class PolicyTypes
{
    public const string Ingress = "Ingress";
    public const string Egress = "Egress";
}
