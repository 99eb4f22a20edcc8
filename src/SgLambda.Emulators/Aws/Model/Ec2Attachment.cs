namespace SgLambda.Emulators.Aws.Model;

/// <summary>
/// Where an ENI is attached. <see cref="InstanceId"/> is null for ENIs AWS services attach themselves
/// (an RDS instance's ENI has only <see cref="InstanceOwnerId"/> <c>amazon-rds</c>).
/// </summary>
public sealed record Ec2Attachment(
    string AttachmentId,
    string? InstanceId,
    string InstanceOwnerId,
    int DeviceIndex,
    int NetworkCardIndex,
    string Status,
    DateTimeOffset AttachTime,
    bool DeleteOnTermination);
