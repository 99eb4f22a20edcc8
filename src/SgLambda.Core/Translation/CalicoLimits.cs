namespace SgLambda.Core.Translation;

/// <summary>Calico's limits (CRD schema maxItems/maxLength) that the translation splits around.</summary>
public static class CalicoLimits
{
    public const int RulesPerDirection = 1024;
    public const int SelectorLength = 1024;
}
