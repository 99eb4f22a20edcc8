using System.Text.Json.Nodes;
using SgLambda.Emulators.Aws.Protocol;

namespace SgLambda.Emulators.Aws.Actions;

/// <summary>
/// One API action: its handler and, for a mutating one, how CloudTrail records its parameters. The
/// parameters are derived from the request alone so that a failed call is recorded with them too.
/// </summary>
internal sealed record ActionDefinition(
    string Name,
    AwsService Service,
    Func<ActionContext, ActionOutcome> Handler,
    bool Mutating = false,
    CloudTrailStyle Style = CloudTrailStyle.Ec2Classic,
    Func<AwsQueryRequest, JsonNode?>? RequestParameters = null);
