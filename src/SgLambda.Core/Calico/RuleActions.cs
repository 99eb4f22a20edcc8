namespace SgLambda.Core.Calico;

/// <summary>Rule actions and tier default actions. The integration tiers use Pass and Deny only.</summary>
public static class RuleActions
{
    public const string Allow = "Allow";
    public const string Deny = "Deny";
    public const string Pass = "Pass";
    public const string Log = "Log";
}
