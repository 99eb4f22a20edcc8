namespace SgLambda.Core.Translation;

/// <summary>Which list of its SG a rule came from.</summary>
public enum RuleDirection
{
    Ingress,
    Egress,
}
