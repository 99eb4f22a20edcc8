namespace SgLambda.TestSupport.Synthetic;

/// <summary>The four kinds of peer an SG rule can name.</summary>
internal enum SyntheticPeerKind
{
    Ipv4Cidr,
    Ipv6Cidr,
    SecurityGroup,
    PrefixList,
}
