using Amazon.EC2;
using Amazon.EC2.Model;
using SgLambda.Aws.Rds;
using SgLambda.Core.Planning;
using SgLambda.Core.Ports;

namespace SgLambda.Aws;

/// <summary>
/// Gives a VPC member the trust SG by setting its complete group list: ModifyNetworkInterfaceAttribute for
/// an ENI, ModifyDBInstance or ModifyDBCluster (applied immediately) for RDS. A target deleted since it was
/// read is not an error: there is nothing left to attach to.
/// </summary>
public sealed class AwsSecurityGroupWriter : IAwsSecurityGroupWriter
{
    private readonly IAmazonEC2 _ec2;
    private readonly IAmazonRDS _rds;

    public AwsSecurityGroupWriter(IAmazonEC2 ec2, IAmazonRDS rds)
    {
        ArgumentNullException.ThrowIfNull(ec2);
        ArgumentNullException.ThrowIfNull(rds);
        _ec2 = ec2;
        _rds = rds;
    }

    public async Task AttachTrustAsync(TrustAttachment attachment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        if (attachment.GroupIds.Count == 0) throw new ArgumentException($"{attachment.Id}: an empty group list would remove every SG", nameof(attachment));
        try
        {
            switch (attachment.Kind)
            {
                case TrustTargetKind.NetworkInterface:
                    await _ec2.ModifyNetworkInterfaceAttributeAsync(new ModifyNetworkInterfaceAttributeRequest
                    {
                        NetworkInterfaceId = attachment.Id,
                        Groups = [.. attachment.GroupIds],
                    }, cancellationToken);
                    break;
                case TrustTargetKind.DbInstance:
                    await _rds.ModifyDBInstanceAsync(new ModifyDBInstanceRequest
                    {
                        DBInstanceIdentifier = attachment.Id,
                        VpcSecurityGroupIds = [.. attachment.GroupIds],
                        ApplyImmediately = true,
                    }, cancellationToken);
                    break;
                case TrustTargetKind.DbCluster:
                    await _rds.ModifyDBClusterAsync(new ModifyDBClusterRequest
                    {
                        DBClusterIdentifier = attachment.Id,
                        VpcSecurityGroupIds = [.. attachment.GroupIds],
                        ApplyImmediately = true,
                    }, cancellationToken);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(attachment), attachment.Kind, "unknown trust target kind");
            }
        }
        catch (AmazonEC2Exception e) when (string.Equals(e.ErrorCode, "InvalidNetworkInterfaceID.NotFound", StringComparison.Ordinal))
        {
            // Deleted since it was read.
        }
        catch (AmazonRDSException e) when (e is DBInstanceNotFoundException or DBClusterNotFoundException)
        {
            // Deleted since it was read.
        }
    }
}
