using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SgLambda.Emulators.Aws.Actions;
using SgLambda.Emulators.Aws.Model;
using SgLambda.Emulators.Aws.Protocol;

namespace SgLambda.Emulators.Aws.CloudTrail;

/// <summary>
/// Builds the EventBridge events AWS delivers: "AWS API Call via CloudTrail" (envelope plus the CloudTrail
/// record as detail) and "EC2 Instance State-change Notification" (EventBridge user guide and CloudTrail
/// record contents reference).
/// </summary>
internal sealed class EventFactory(Ec2EmulatorOptions options, IdGenerator ids)
{
    public EmittedEvent ApiCall(
        AwsService service,
        string action,
        CallerInfo caller,
        DateTimeOffset time,
        string requestId,
        JsonNode? requestParameters,
        JsonNode? responseElements,
        AwsApiException? error)
    {
        var eventSource = service == AwsService.Ec2 ? "ec2.amazonaws.com" : "rds.amazonaws.com";
        var errorCode = error is null ? null : ErrorCode(service, error);
        var detail = new JsonObject
        {
            ["eventVersion"] = "1.09",
            ["userIdentity"] = new JsonObject
            {
                ["type"] = "IAMUser",
                ["principalId"] = PrincipalId,
                ["arn"] = $"arn:aws:iam::{options.AccountId}:user/{options.UserName}",
                ["accountId"] = options.AccountId,
                ["accessKeyId"] = caller.AccessKeyId ?? "AKIAIOSFODNN7EXAMPLE",
                ["userName"] = options.UserName,
            },
            ["eventTime"] = Format(time),
            ["eventSource"] = eventSource,
            ["eventName"] = action,
            ["awsRegion"] = options.Region,
            ["sourceIPAddress"] = caller.SourceIpAddress,
            ["userAgent"] = caller.UserAgent ?? "",
        };
        if (error is not null)
        {
            detail["errorCode"] = errorCode;
            detail["errorMessage"] = error.Message;
        }
        detail["requestParameters"] = requestParameters;
        detail["responseElements"] = error is null ? responseElements : null;
        detail["requestID"] = requestId;
        detail["eventID"] = ids.Uuid();
        detail["readOnly"] = false;
        detail["eventType"] = "AwsApiCall";
        detail["managementEvent"] = true;
        detail["recipientAccountId"] = options.AccountId;
        detail["eventCategory"] = "Management";
        return Envelope(service == AwsService.Ec2 ? "aws.ec2" : "aws.rds", EmittedEvent.ApiCallDetailType, action, errorCode, time, [], detail);
    }

    public EmittedEvent InstanceStateChange(string instanceId, string state, DateTimeOffset time) =>
        Envelope("aws.ec2", EmittedEvent.InstanceStateChangeDetailType, state, null, time,
            [$"arn:aws:ec2:{options.Region}:{options.AccountId}:instance/{instanceId}"],
            new JsonObject { ["instance-id"] = instanceId, ["state"] = state });

    /// <summary>
    /// CloudTrail prefixes EC2 error codes with Client. or Server. (Client.InvalidGroup.NotFound,
    /// Client.RequestLimitExceeded, Server.InternalError); other services record the code as answered.
    /// </summary>
    private static string ErrorCode(AwsService service, AwsApiException error) =>
        service != AwsService.Ec2 ? error.Code
        : error.IsClientError || string.Equals(error.Code, "RequestLimitExceeded", StringComparison.Ordinal) ? "Client." + error.Code
        : "Server." + error.Code;

    private EmittedEvent Envelope(string source, string detailType, string name, string? errorCode, DateTimeOffset time,
        IReadOnlyList<string> resources, JsonObject detail)
    {
        var id = ids.Uuid();
        var envelope = new JsonObject
        {
            ["version"] = "0",
            ["id"] = id,
            ["detail-type"] = detailType,
            ["source"] = source,
            ["account"] = options.AccountId,
            ["time"] = Format(time),
            ["region"] = options.Region,
            ["resources"] = new JsonArray([.. resources.Select(r => JsonValue.Create(r))]),
            ["detail"] = detail,
        };
        return new EmittedEvent(id, source, detailType, name, errorCode, time, envelope.ToJsonString(JsonOptions));
    }

    private string PrincipalId => "AIDA" + options.AccountId.PadLeft(12, '0') + "EXAMPLE";

    private static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };
}
