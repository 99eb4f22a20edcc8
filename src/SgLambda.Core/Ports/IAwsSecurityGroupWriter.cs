using SgLambda.Core.Planning;

namespace SgLambda.Core.Ports;

/// <summary>The one AWS write SgLambda makes: giving VPC members the trust SG.</summary>
public interface IAwsSecurityGroupWriter
{
    /// <summary>Sets the target's groups to <see cref="TrustAttachment.GroupIds"/> (its old groups plus the trust SG).</summary>
    Task AttachTrustAsync(TrustAttachment attachment, CancellationToken cancellationToken);
}
