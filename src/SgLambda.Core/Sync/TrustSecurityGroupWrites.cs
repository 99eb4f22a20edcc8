using SgLambda.Core.Ports;

namespace SgLambda.Core.Sync;

/// <summary>
/// Whether <see cref="SyncEngine.ApplyAsync(SyncReport, CancellationToken)"/> may give VPC members the trust SG.
/// ReadOnly engines still plan the attachments (reports show them); applying a report that holds any fails
/// before the first write, so a caller that cannot attach applies the report's plan alone.
/// </summary>
public abstract record TrustSecurityGroupWrites
{
    private TrustSecurityGroupWrites()
    {
    }

    /// <summary>Attachments are planned and reported, never made.</summary>
    public static TrustSecurityGroupWrites ReadOnly { get; } = new Off();

    /// <summary>Attachments are made through <paramref name="writer"/>.</summary>
    public static TrustSecurityGroupWrites Write(IAwsSecurityGroupWriter writer) => new On(writer ?? throw new ArgumentNullException(nameof(writer)));

    /// <summary>The writer; null when read only.</summary>
    public abstract IAwsSecurityGroupWriter? Writer { get; }

    private sealed record Off : TrustSecurityGroupWrites
    {
        public override IAwsSecurityGroupWriter? Writer => null;
    }

    private sealed record On(IAwsSecurityGroupWriter AwsWriter) : TrustSecurityGroupWrites
    {
        public override IAwsSecurityGroupWriter? Writer => AwsWriter;
    }
}
