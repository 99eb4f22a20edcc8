using System.Globalization;
using SgLambda.Core.Aws;

namespace SgLambda.TestSupport.Synthetic;

/// <summary>
/// Managed prefix lists: the AWS-managed S3 and DynamoDB lists that gateway endpoints use, then
/// customer-managed lists of office and partner networks (IPv4, every fourth one IPv6).
/// </summary>
internal static class SyntheticPrefixLists
{
    private static readonly string[] S3Entries = ["3.5.0.0/19", "16.15.176.0/20", "16.182.0.0/16", "52.216.0.0/15", "54.231.0.0/16"];
    private static readonly string[] DynamoDbEntries = ["3.218.180.0/22", "35.71.64.0/22", "52.94.0.0/22", "52.119.224.0/20"];
    private static readonly string[] Owners = ["corp-offices", "vpn-users", "partner-networks", "monitoring-vendors", "ci-runners", "payment-providers"];

    public static List<ManagedPrefixList> Generate(Random random, SyntheticIds ids, int count)
    {
        var lists = new List<ManagedPrefixList>
        {
            AwsManaged(ids, "com.amazonaws." + SyntheticAddressPool.Region + ".s3", S3Entries),
            AwsManaged(ids, "com.amazonaws." + SyntheticAddressPool.Region + ".dynamodb", DynamoDbEntries),
        };
        for (var i = lists.Count; i < count; i++)
        {
            var ipv6 = i % 4 == 3;
            var entries = Enumerable.Range(0, random.Next(1, 41))
                .Select(_ => ipv6 ? Ipv6Entry(random, i) : Ipv4Entry(random))
                .Distinct(StringComparer.Ordinal)
                .Select((cidr, n) => new PrefixListEntry { Cidr = cidr, Description = string.Create(CultureInfo.InvariantCulture, $"site {n + 1}") })
                .ToList();
            lists.Add(new ManagedPrefixList
            {
                PrefixListId = ids.Next("pl"),
                PrefixListName = string.Create(CultureInfo.InvariantCulture, $"{random.Pick(Owners)}-{i:D3}"),
                Entries = entries,
            });
        }
        return lists;
    }

    private static ManagedPrefixList AwsManaged(SyntheticIds ids, string name, IEnumerable<string> cidrs) => new()
    {
        PrefixListId = ids.Next("pl"),
        PrefixListName = name,
        Entries = [.. cidrs.Select(c => new PrefixListEntry { Cidr = c })],
    };

    // 198.18.0.0/15 is reserved for benchmarks (RFC 2544), so synthetic "public" networks never collide with real ones.
    private static string Ipv4Entry(Random random) => random.Next(3) switch
    {
        0 => string.Create(CultureInfo.InvariantCulture, $"198.{18 + random.Next(2)}.{random.Next(256)}.0/24"),
        1 => string.Create(CultureInfo.InvariantCulture, $"198.{18 + random.Next(2)}.{random.Next(256)}.{random.Next(16) * 16}/28"),
        _ => string.Create(CultureInfo.InvariantCulture, $"198.{18 + random.Next(2)}.{random.Next(256)}.{random.Next(1, 255)}/32"),
    };

    // 2001:db8::/32 is the IPv6 documentation range.
    private static string Ipv6Entry(Random random, int list) =>
        string.Create(CultureInfo.InvariantCulture, $"2001:db8:{list:x}:{random.Next(65536):x}::/64");
}
