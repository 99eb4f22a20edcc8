namespace SgLambda.Core.Calico;

/// <summary>A tier's order and what happens to traffic that no policy of the tier decides.</summary>
public sealed record TierSpec
{
    public double? Order { get; init; }
    /// <summary><c>Deny</c> or <c>Pass</c>.</summary>
    public string? DefaultAction { get; init; }
}
