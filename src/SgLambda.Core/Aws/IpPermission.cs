namespace SgLambda.Core.Aws;

/// <summary>
/// One permission of a security group as AWS groups them: a protocol and port range with any number of
/// peers. <see cref="IpProtocol"/> is "-1", a name (tcp, udp, icmp, icmpv6) or a protocol number.
/// For ICMP, <see cref="FromPort"/> is the type and <see cref="ToPort"/> the code (-1 = any).
/// </summary>
public sealed record IpPermission
{
    public required string IpProtocol { get; init; }
    public int? FromPort { get; init; }
    public int? ToPort { get; init; }
    // A list is never null: source-generated JSON sets one the document leaves out to null (dotnet/runtime#84484).
    public IReadOnlyList<IpRange> IpRanges { get; init => field = value ?? []; } = [];
    public IReadOnlyList<Ipv6Range> Ipv6Ranges { get; init => field = value ?? []; } = [];
    public IReadOnlyList<PrefixListId> PrefixListIds { get; init => field = value ?? []; } = [];
    public IReadOnlyList<UserIdGroupPair> UserIdGroupPairs { get; init => field = value ?? []; } = [];
}
