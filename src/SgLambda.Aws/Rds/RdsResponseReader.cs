using System.Net;
using System.Xml;
using System.Xml.Linq;
using Amazon.Runtime;

namespace SgLambda.Aws.Rds;

/// <summary>
/// Reads RDS Query API XML responses (<c>&lt;ActionResponse&gt;&lt;ActionResult&gt;</c>) and error responses.
/// Elements are matched by local name, so a missing or different namespace does not lose data.
/// </summary>
internal static class RdsResponseReader
{
    public static DescribeDBInstancesResponse DescribeDBInstances(XElement result) => new()
    {
        DBInstances = Child(result, "DBInstances") is { } list ? [.. Children(list, "DBInstance").Select(DbInstance)] : null,
        Marker = Text(result, "Marker"),
    };

    public static ModifyDBInstanceResponse ModifyDBInstance(XElement result) => new()
    {
        DBInstance = Child(result, "DBInstance") is { } db ? DbInstance(db) : null,
    };

    public static ModifyDBClusterResponse ModifyDBCluster(XElement result) => new()
    {
        DBCluster = Child(result, "DBCluster") is { } cluster ? DbCluster(cluster) : null,
    };

    /// <summary>The <c>&lt;ActionResult&gt;</c> element of a successful response (an empty one if it has none).</summary>
    public static XElement Result(string body, string action)
    {
        var root = Parse(body).Root ?? throw new AmazonRDSException($"RDS {action}: empty response");
        return Child(root, action + "Result") ?? new XElement(action + "Result");
    }

    /// <summary>The exception for an error response: its code, message, type and request id.</summary>
    public static AmazonRDSException Error(string body, HttpStatusCode status)
    {
        XElement? error = null;
        string? requestId = null;
        try
        {
            var root = Parse(body).Root;
            error = root is null ? null : root.Name.LocalName == "Error" ? root : Child(root, "Error");
            requestId = root is null ? null : Text(root, "RequestId");
        }
        catch (XmlException)
        {
            // Not XML (a proxy's or load balancer's page): the status code is all there is.
        }
        var code = (error is null ? null : Text(error, "Code")) ?? $"HttpStatus{(int)status}";
        var message = (error is null ? null : Text(error, "Message")) ?? $"RDS answered HTTP {(int)status}";
        var type = (error is null ? null : Text(error, "Type")) switch
        {
            "Sender" => ErrorType.Sender,
            "Receiver" => ErrorType.Receiver,
            _ => (int)status >= 500 ? ErrorType.Receiver : ErrorType.Unknown,
        };
        return code switch
        {
            DBInstanceNotFoundException.Code => new DBInstanceNotFoundException(message, type, requestId, status),
            DBClusterNotFoundException.Code => new DBClusterNotFoundException(message, type, requestId, status),
            _ => new AmazonRDSException(message, type, code, requestId, status),
        };
    }

    private static DBInstance DbInstance(XElement element) => new()
    {
        DBInstanceIdentifier = Text(element, "DBInstanceIdentifier"),
        DBClusterIdentifier = Text(element, "DBClusterIdentifier"),
        DBInstanceStatus = Text(element, "DBInstanceStatus"),
        Engine = Text(element, "Engine"),
        DBSubnetGroup = Child(element, "DBSubnetGroup") is { } subnetGroup
            ? new DBSubnetGroup { DBSubnetGroupName = Text(subnetGroup, "DBSubnetGroupName"), VpcId = Text(subnetGroup, "VpcId") }
            : null,
        VpcSecurityGroups = Memberships(element),
        TagList = Child(element, "TagList") is { } tags
            ? [.. Children(tags, "Tag").Select(t => new SgLambda.Core.Aws.Tag { Key = Text(t, "Key") ?? "", Value = Text(t, "Value") })]
            : null,
    };

    private static DBCluster DbCluster(XElement element) => new()
    {
        DBClusterIdentifier = Text(element, "DBClusterIdentifier"),
        Status = Text(element, "Status"),
        VpcSecurityGroups = Memberships(element),
    };

    private static List<VpcSecurityGroupMembership>? Memberships(XElement element) =>
        Child(element, "VpcSecurityGroups") is { } groups
            ? [.. Children(groups, "VpcSecurityGroupMembership").Select(m => new VpcSecurityGroupMembership
            {
                VpcSecurityGroupId = Text(m, "VpcSecurityGroupId"),
                Status = Text(m, "Status"),
            })]
            : null;

    private static XDocument Parse(string body) =>
        XDocument.Parse(body, LoadOptions.None);

    private static XElement? Child(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    private static IEnumerable<XElement> Children(XElement parent, string localName) =>
        parent.Elements().Where(e => e.Name.LocalName == localName);

    private static string? Text(XElement parent, string localName) => Child(parent, localName)?.Value;
}
