using SgLambda.Core.Aws;
using SgLambda.Core.Configuration;

namespace SgLambda.Core.Translation;

/// <summary>AWS security groups to Calico tiers, policies, HostEndpoints and GlobalNetworkSets.</summary>
public static class Translator
{
    /// <summary>Renders every object for the configured VPC. Pure and deterministic.</summary>
    public static RenderResult Render(AwsSnapshot snapshot, SgLambdaConfig config)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(config);
        return new RenderResult([], []);
    }
}
