using System.Globalization;
using System.Text.Json.Nodes;
using SgLambda.Emulators.Aws.Protocol;
using SgLambda.Emulators.Aws.Wire;

namespace SgLambda.Emulators.Aws.CloudTrail;

/// <summary>
/// The <c>requestParameters</c> CloudTrail records for RDS: the Query parameters with a lower-case first
/// letter (<c>dBInstanceIdentifier</c>, <c>vpcSecurityGroupIds</c>), <c>X.member.N</c> lists as JSON arrays,
/// numbers and booleans typed, and the master password hidden.
/// </summary>
internal static class RdsRequestParameters
{
    private static readonly HashSet<string> NumberMembers = new(StringComparer.Ordinal)
    {
        "AllocatedStorage", "Port", "BackupRetentionPeriod", "Iops", "MaxRecords", "MonitoringInterval",
    };

    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "Action", "Version" };

    public static JsonNode Build(AwsQueryRequest request)
    {
        var json = new JsonObject();
        var lists = new SortedDictionary<string, SortedDictionary<int, string>>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (Skipped.Contains(key)) continue;
            var member = key.IndexOf(".member.", StringComparison.Ordinal);
            if (member > 0 && int.TryParse(key[(member + ".member.".Length)..], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                var name = key[..member];
                if (!lists.TryGetValue(name, out var items)) lists[name] = items = [];
                items[index] = value;
                continue;
            }
            json[CloudTrailJson.LowerFirst(key)] = Value(key, value);
        }
        foreach (var (name, items) in lists)
            json[CloudTrailJson.LowerFirst(name)] = new JsonArray([.. items.Values.Select(v => JsonValue.Create(v))]);
        return json;
    }

    private static JsonValue Value(string name, string value)
    {
        if (string.Equals(name, "MasterUserPassword", StringComparison.Ordinal)) return JsonValue.Create("HIDDEN_DUE_TO_SECURITY_REASONS");
        if (NumberMembers.Contains(name) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            return JsonValue.Create(number);
        if (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase)) return JsonValue.Create(true);
        if (string.Equals(value, "false", StringComparison.OrdinalIgnoreCase)) return JsonValue.Create(false);
        return JsonValue.Create(value);
    }
}
