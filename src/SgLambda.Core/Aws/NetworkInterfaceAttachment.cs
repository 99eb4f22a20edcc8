namespace SgLambda.Core.Aws;

/// <summary>Where an ENI is attached. Device index 0 on network card 0 is an instance's primary ENI.</summary>
public sealed record NetworkInterfaceAttachment
{
    public string? AttachmentId { get; init; }
    public string? InstanceId { get; init; }
    public string? InstanceOwnerId { get; init; }
    public int? DeviceIndex { get; init; }
    public int? NetworkCardIndex { get; init; }
    public string? Status { get; init; }
}
