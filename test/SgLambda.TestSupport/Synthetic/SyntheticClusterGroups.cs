namespace SgLambda.TestSupport.Synthetic;

/// <summary>The SGs every cluster that SgLambda serves has, besides the users' own.</summary>
internal sealed record SyntheticClusterGroups(
    string Trust,
    string Enforced,
    string PodDefault,
    string Node,
    string ControlPlane);
