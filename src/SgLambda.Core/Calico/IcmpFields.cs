namespace SgLambda.Core.Calico;

/// <summary>ICMP type and code match; null = any. A code needs a type.</summary>
public sealed record IcmpFields
{
    public int? Type { get; init; }
    public int? Code { get; init; }
}
