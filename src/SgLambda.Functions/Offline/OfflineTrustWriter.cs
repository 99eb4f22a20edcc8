using SgLambda.Core.Planning;
using SgLambda.Core.Ports;
using SgLambda.Functions.Observability;

namespace SgLambda.Functions.Offline;

/// <summary>Offline there is no AWS to write to: trust SG attachments are logged, not made (as <c>sglambda replay</c> warns).</summary>
public sealed class OfflineTrustWriter(StructuredLogger logger) : IAwsSecurityGroupWriter
{
    public Task AttachTrustAsync(TrustAttachment attachment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        logger.Warning("trust SG attachment not applied offline (no AWS access)", new Dictionary<string, object?>(StringComparer.Ordinal) { ["target"] = attachment.Id });
        return Task.CompletedTask;
    }
}
