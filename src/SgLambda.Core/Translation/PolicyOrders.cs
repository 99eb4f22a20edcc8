namespace SgLambda.Core.Translation;

/// <summary>Policy orders inside the integration tiers: shortcuts first, per-SG policies, the catch-all last.</summary>
public static class PolicyOrders
{
    public const double First = 0;
    public const double SecurityGroup = 100;
    public const double Last = 1000;
}
