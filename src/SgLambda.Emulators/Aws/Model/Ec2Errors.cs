using SgLambda.Emulators.Aws.Protocol;

namespace SgLambda.Emulators.Aws.Model;

/// <summary>
/// The EC2 client errors the emulator answers with, with the codes and messages of the EC2 API reference
/// ("Error codes for the Amazon EC2 API"). Every one is HTTP 400, as EC2's client errors are.
/// </summary>
internal static class Ec2Errors
{
    public static AwsApiException GroupNotFound(string groupId) =>
        new("InvalidGroup.NotFound", $"The security group '{groupId}' does not exist");

    public static AwsApiException GroupDuplicate(string name, string vpcId) =>
        new("InvalidGroup.Duplicate", $"The security group '{name}' already exists for VPC '{vpcId}'");

    public static AwsApiException RuleNotFound(string ruleId) =>
        new("InvalidSecurityGroupRuleId.NotFound", $"The security group rule ID '{ruleId}' does not exist");

    public static AwsApiException PermissionDuplicate(string description) =>
        new("InvalidPermission.Duplicate", $"the specified rule \"{description}\" already exists");

    public static AwsApiException DependencyViolation(string resourceId) =>
        new("DependencyViolation", $"resource {resourceId} has a dependent object");

    public static AwsApiException CannotDeleteDefaultGroup(string groupId) =>
        new("CannotDelete", $"the specified group: \"{groupId}\" name: \"default\" cannot be deleted by a user");

    public static AwsApiException NetworkInterfaceNotFound(string id) =>
        new("InvalidNetworkInterfaceID.NotFound", $"The networkInterface ID '{id}' does not exist");

    public static AwsApiException NetworkInterfaceInUse(string id) =>
        new("InvalidNetworkInterface.InUse", $"Interface: [{id}] in use.");

    public static AwsApiException AttachmentNotFound(string id) =>
        new("InvalidAttachmentID.NotFound", $"The interface attachment ID '{id}' does not exist");

    public static AwsApiException InstanceNotFound(IReadOnlyList<string> ids) =>
        ids.Count == 1
            ? new("InvalidInstanceID.NotFound", $"The instance ID '{ids[0]}' does not exist")
            : new("InvalidInstanceID.NotFound", $"The instance IDs '{string.Join(", ", ids)}' do not exist");

    public static AwsApiException IncorrectInstanceState(string instanceId, string state) =>
        new("IncorrectInstanceState", $"The instance '{instanceId}' is not in a state from which it can be modified. Its state is '{state}'.");

    public static AwsApiException VpcNotFound(string id) =>
        new("InvalidVpcID.NotFound", $"The vpc ID '{id}' does not exist");

    public static AwsApiException SubnetNotFound(string id) =>
        new("InvalidSubnetID.NotFound", $"The subnet ID '{id}' does not exist");

    public static AwsApiException PrefixListNotFound(string id) =>
        new("InvalidPrefixListID.NotFound", $"The prefix list ID '{id}' does not exist");

    public static AwsApiException PrefixListVersionMismatch(string id, long version) =>
        new("PrefixListVersionMismatch", $"The prefix list '{id}' has the incorrect version number. The current version is {version}.");

    public static AwsApiException AddressInUse(string address) =>
        new("InvalidIPAddress.InUse", $"Address {address} is in use.");

    public static AwsApiException InvalidParameterValue(string message) => new("InvalidParameterValue", message);

    public static AwsApiException InvalidParameterCombination(string message) => new("InvalidParameterCombination", message);

    public static AwsApiException MissingParameter(string name) =>
        new("MissingParameter", $"The request must contain the parameter {name}");

    public static AwsApiException OperationNotPermitted(string message) => new("OperationNotPermitted", message);
}
