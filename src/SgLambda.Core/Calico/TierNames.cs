namespace SgLambda.Core.Calico;

/// <summary>The three integration tiers (SEMANTICS.md section 2).</summary>
public static class TierNames
{
    public const string SgRemote = "sg-remote";
    public const string SgLocal = "sg-local";
    public const string Metadata = "metadata";

    public const double SgRemoteOrder = 105;
    public const double SgLocalOrder = 106;
    public const double MetadataOrder = 107;
}
