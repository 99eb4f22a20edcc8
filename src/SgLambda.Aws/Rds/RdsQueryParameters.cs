using System.Globalization;

namespace SgLambda.Aws.Rds;

/// <summary>
/// RDS Query API request parameters, named as AWSSDK.RDS marshals them (the RDS API reference's
/// <c>Filters.Filter.N</c>, <c>VpcSecurityGroupIds.VpcSecurityGroupId.N</c>); lists are numbered from 1.
/// </summary>
internal static class RdsQueryParameters
{
    public static List<KeyValuePair<string, string>> DescribeDBInstances(DescribeDBInstancesRequest request)
    {
        var parameters = Start("DescribeDBInstances");
        Add(parameters, "DBInstanceIdentifier", request.DBInstanceIdentifier);
        var filterIndex = 1;
        foreach (var filter in request.Filters ?? [])
        {
            var prefix = $"Filters.Filter.{filterIndex.ToString(CultureInfo.InvariantCulture)}";
            Add(parameters, prefix + ".Name", filter.Name);
            AddList(parameters, prefix + ".Values.Value", filter.Values);
            filterIndex++;
        }
        Add(parameters, "Marker", request.Marker);
        Add(parameters, "MaxRecords", request.MaxRecords?.ToString(CultureInfo.InvariantCulture));
        return parameters;
    }

    public static List<KeyValuePair<string, string>> ModifyDBInstance(ModifyDBInstanceRequest request)
    {
        var parameters = Start("ModifyDBInstance");
        Add(parameters, "DBInstanceIdentifier", request.DBInstanceIdentifier);
        AddList(parameters, "VpcSecurityGroupIds.VpcSecurityGroupId", request.VpcSecurityGroupIds);
        Add(parameters, "ApplyImmediately", Bool(request.ApplyImmediately));
        return parameters;
    }

    public static List<KeyValuePair<string, string>> ModifyDBCluster(ModifyDBClusterRequest request)
    {
        var parameters = Start("ModifyDBCluster");
        Add(parameters, "DBClusterIdentifier", request.DBClusterIdentifier);
        AddList(parameters, "VpcSecurityGroupIds.VpcSecurityGroupId", request.VpcSecurityGroupIds);
        Add(parameters, "ApplyImmediately", Bool(request.ApplyImmediately));
        return parameters;
    }

    /// <summary>The form body: RFC 3986 percent-encoding, as the SDKs send it.</summary>
    public static string FormEncode(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));

    private static List<KeyValuePair<string, string>> Start(string action) =>
        [new("Action", action), new("Version", RdsQueryClient.ApiVersion)];

    private static void Add(List<KeyValuePair<string, string>> parameters, string name, string? value)
    {
        if (value is not null) parameters.Add(new(name, value));
    }

    private static void AddList(List<KeyValuePair<string, string>> parameters, string prefix, List<string>? values)
    {
        var index = 1;
        foreach (var value in values ?? [])
        {
            parameters.Add(new($"{prefix}.{index.ToString(CultureInfo.InvariantCulture)}", value));
            index++;
        }
    }

    private static string? Bool(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => null,
    };
}
