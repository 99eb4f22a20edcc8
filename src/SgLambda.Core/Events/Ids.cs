namespace SgLambda.Core.Events;

/// <summary>AWS id prefixes, the words for them in skip reasons, and the list form used in reasons.</summary>
internal static class Ids
{
    public const string SecurityGroup = "sg-";
    public const string SecurityGroupKind = "a security group";
    public const string NetworkInterface = "eni-";
    public const string NetworkInterfaceKind = "a network interface";
    public const string Attachment = "eni-attach-";
    public const string AttachmentKind = "a network interface attachment";
    public const string Instance = "i-";
    public const string InstanceKind = "an instance";
    public const string PrefixList = "pl-";
    public const string PrefixListKind = "a prefix list";
    public const string Vpc = "vpc-";
    public const string VpcKind = "a VPC";

    public static string Join(IEnumerable<string> ids) => string.Join(", ", ids);

    /// <summary>"instance i-1" or "instances i-1, i-2".</summary>
    public static string Counted(string noun, IReadOnlyCollection<string> ids) =>
        ids.Count == 1 ? $"{noun} {ids.First()}" : $"{noun}s {Join(ids)}";
}
