namespace SgLambda.Core.NetworkPolicies;

/// <summary>One <c>matchExpressions</c> term: <c>In</c>, <c>NotIn</c>, <c>Exists</c> or <c>DoesNotExist</c>.</summary>
public sealed record LabelSelectorRequirementSpec
{
    public const string In = "In";
    public const string NotIn = "NotIn";
    public const string Exists = "Exists";
    public const string DoesNotExist = "DoesNotExist";

    public required string Key { get; init; }
    public required string Operator { get; init; }
    public IReadOnlyList<string>? Values { get; init; }
}
