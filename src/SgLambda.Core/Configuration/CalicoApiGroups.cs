namespace SgLambda.Core.Configuration;

/// <summary>The two API versions SgLambda can write Calico objects as.</summary>
public static class CalicoApiGroups
{
    /// <summary>The Calico API server's (or native v3 CRDs') group.</summary>
    public const string ProjectCalicoV3 = "projectcalico.org/v3";
    /// <summary>The backing CRDs' group; objects are not defaulted there.</summary>
    public const string CrdProjectCalicoV1 = "crd.projectcalico.org/v1";

    public static bool IsKnown(string apiGroup) =>
        apiGroup is ProjectCalicoV3 or CrdProjectCalicoV1;
}
