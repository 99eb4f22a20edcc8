using System.Net;
using System.Xml.Linq;
using Amazon.EC2.Model;
using SgLambda.Emulators.Aws;

namespace SgLambda.Emulators.Tests.Aws;

/// <summary>
/// The RDS Query API (2014-10-31) with plain form POSTs, as the small RDS client will send them, checking
/// the documented XML: <c>&lt;ActionResponse&gt;&lt;ActionResult&gt;</c>, <c>ResponseMetadata/RequestId</c>,
/// list members named after their type, and <c>ErrorResponse/Error</c> for errors.
/// </summary>
public sealed class RdsTests : EmulatorTestBase
{
    private static readonly XNamespace Rds = "http://rds.amazonaws.com/doc/2014-10-31/";
    private HttpClient _http = null!;

    [SetUp]
    public void CreateHttp() => _http = new HttpClient();

    [TearDown]
    public void DisposeHttp() => _http.Dispose();

    [Test]
    public async Task CreateDBInstance_answers_with_the_instance_creating_and_puts_its_eni_in_the_vpc()
    {
        var group = Emulator.Account.AddSecurityGroup(Vpc.VpcId, "db");

        var (status, xml) = await Call("CreateDBInstance", ("DBInstanceIdentifier", "orders"), ("DBInstanceClass", "db.t3.micro"),
            ("Engine", "postgres"), ("MasterUsername", "admin"), ("MasterUserPassword", "secret-password"), ("AllocatedStorage", "20"),
            ("VpcSecurityGroupIds.member.1", group.GroupId));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(xml.Root!.Name, Is.EqualTo(Rds + "CreateDBInstanceResponse"));
        var instance = xml.Root.Element(Rds + "CreateDBInstanceResult")!.Element(Rds + "DBInstance")!;
        Assert.That(instance.Element(Rds + "DBInstanceIdentifier")!.Value, Is.EqualTo("orders"));
        Assert.That(instance.Element(Rds + "DBInstanceStatus")!.Value, Is.EqualTo("creating"));
        var membership = instance.Element(Rds + "VpcSecurityGroups")!.Element(Rds + "VpcSecurityGroupMembership")!;
        Assert.That(membership.Element(Rds + "VpcSecurityGroupId")!.Value, Is.EqualTo(group.GroupId));
        Assert.That(membership.Element(Rds + "Status")!.Value, Is.EqualTo("active"));
        Assert.That(instance.Element(Rds + "DBSubnetGroup")!.Element(Rds + "VpcId")!.Value, Is.EqualTo(Vpc.VpcId));
        Assert.That(instance.Element(Rds + "DbiResourceId")!.Value, Does.Match("^db-[A-Z0-9]{26}$"));
        Assert.That(xml.Root.Element(Rds + "ResponseMetadata")!.Element(Rds + "RequestId")!.Value, Is.Not.Empty);

        var eni = (await Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { Filters = [new Filter("requester-id", ["amazon-rds"])] }))
            .NetworkInterfaces.Single();
        Assert.That((eni.Description, eni.VpcId, eni.Groups.Single().GroupId), Is.EqualTo(("RDSNetworkInterface", Vpc.VpcId, group.GroupId)));
    }

    [Test]
    public async Task DescribeDBInstances_lists_the_instances_available()
    {
        var group = Emulator.Account.AddSecurityGroup(Vpc.VpcId, "db");
        Emulator.Account.AddDbInstance("orders", [group.GroupId]);
        Emulator.Account.AddDbInstance("users", [group.GroupId]);

        var (_, all) = await Call("DescribeDBInstances");
        var (_, one) = await Call("DescribeDBInstances", ("DBInstanceIdentifier", "users"));

        var instances = all.Root!.Element(Rds + "DescribeDBInstancesResult")!.Element(Rds + "DBInstances")!.Elements(Rds + "DBInstance").ToList();
        Assert.That(instances.Select(i => i.Element(Rds + "DBInstanceIdentifier")!.Value), Is.EqualTo(new[] { "orders", "users" }));
        Assert.That(instances.Select(i => i.Element(Rds + "DBInstanceStatus")!.Value), Has.All.EqualTo("available"));
        Assert.That(instances[0].Element(Rds + "Endpoint")!.Element(Rds + "Port")!.Value, Is.EqualTo("5432"));
        Assert.That(one.Descendants(Rds + "DBInstanceIdentifier").Select(e => e.Value), Is.EqualTo(new[] { "users" }));
    }

    [Test]
    public async Task ModifyDBInstance_replaces_the_security_groups_on_the_instance_and_its_eni_and_is_recorded()
    {
        var old = Emulator.Account.AddSecurityGroup(Vpc.VpcId, "db");
        var trust = Emulator.Account.AddSecurityGroup(Vpc.VpcId, "trust");
        var db = Emulator.Account.AddDbInstance("orders", [old.GroupId]);

        var (status, xml) = await Call("ModifyDBInstance", ("DBInstanceIdentifier", "orders"), ("ApplyImmediately", "true"),
            ("VpcSecurityGroupIds.member.1", old.GroupId), ("VpcSecurityGroupIds.member.2", trust.GroupId));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(xml.Descendants(Rds + "VpcSecurityGroupId").Select(e => e.Value), Is.EqualTo(new[] { old.GroupId, trust.GroupId }));
        var eni = (await Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = [db.NetworkInterfaceId] }))
            .NetworkInterfaces.Single();
        Assert.That(eni.Groups.Select(g => g.GroupId), Is.EqualTo(new[] { old.GroupId, trust.GroupId }));

        var emitted = Emulator.Events.All.Single();
        var detail = emitted.Parse()["detail"]!;
        Assert.That((emitted.Source, emitted.EventName), Is.EqualTo(("aws.rds", "ModifyDBInstance")));
        Assert.That(EventTests.Text(detail, "eventSource"), Is.EqualTo("rds.amazonaws.com"));
        Assert.That(EventTests.Text(detail, "requestParameters", "dBInstanceIdentifier"), Is.EqualTo("orders"));
        Assert.That(detail["requestParameters"]!["vpcSecurityGroupIds"]!.AsArray().Select(n => n!.GetValue<string>()),
            Is.EqualTo(new[] { old.GroupId, trust.GroupId }), "RDS records lists as plain arrays");
        Assert.That(detail["requestParameters"]!["applyImmediately"]!.GetValue<bool>(), Is.True);
        Assert.That(EventTests.Text(detail, "responseElements", "dBInstanceIdentifier"), Is.EqualTo("orders"));
        Assert.That(EventTests.Text(detail, "responseElements", "vpcSecurityGroups", "1", "vpcSecurityGroupId"), Is.EqualTo(trust.GroupId));
        Assert.That(EventTests.Text(detail, "responseElements", "dBSubnetGroup", "vpcId"), Is.EqualTo(Vpc.VpcId));
    }

    [Test]
    public async Task The_master_password_is_not_recorded()
    {
        await Call("CreateDBInstance", ("DBInstanceIdentifier", "orders"), ("DBInstanceClass", "db.t3.micro"), ("Engine", "postgres"),
            ("MasterUserPassword", "secret-password"));

        Assert.That(Emulator.Events.All.Single().Json, Does.Not.Contain("secret-password"));
    }

    [Test]
    public async Task A_deleted_instance_and_its_eni_are_gone_and_describing_it_is_DBInstanceNotFound()
    {
        var group = Emulator.Account.AddSecurityGroup(Vpc.VpcId, "db");
        var db = Emulator.Account.AddDbInstance("orders", [group.GroupId]);

        var (deleteStatus, deleted) = await Call("DeleteDBInstance", ("DBInstanceIdentifier", "orders"), ("SkipFinalSnapshot", "true"));
        var (status, error) = await Call("DescribeDBInstances", ("DBInstanceIdentifier", "orders"));

        Assert.That(deleteStatus, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(deleted.Descendants(Rds + "DBInstanceStatus").Single().Value, Is.EqualTo("deleting"));
        Assert.That(Emulator.Account.FindNetworkInterface(db.NetworkInterfaceId), Is.Null);
        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(error.Root!.Name, Is.EqualTo(Rds + "ErrorResponse"));
        var body = error.Root.Element(Rds + "Error")!;
        Assert.That(body.Element(Rds + "Type")!.Value, Is.EqualTo("Sender"));
        Assert.That(body.Element(Rds + "Code")!.Value, Is.EqualTo("DBInstanceNotFound"));
        Assert.That(body.Element(Rds + "Message")!.Value, Is.EqualTo("DBInstance orders not found."));
        Assert.That(error.Root.Element(Rds + "RequestId")!.Value, Is.Not.Empty);
    }

    [Test]
    public async Task Throttling_an_rds_call_answers_Throttling()
    {
        Emulator.Faults.FailNext("DescribeDBInstances", 1, FaultKind.Throttling);

        var (status, error) = await Call("DescribeDBInstances");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(error.Descendants(Rds + "Code").Single().Value, Is.EqualTo("Throttling"));
    }

    private async Task<(HttpStatusCode Status, XDocument Xml)> Call(string action, params (string Name, string Value)[] parameters)
    {
        var form = new List<KeyValuePair<string, string>> { new("Action", action), new("Version", "2014-10-31") };
        form.AddRange(parameters.Select(p => KeyValuePair.Create(p.Name, p.Value)));
        using var content = new FormUrlEncodedContent(form);
        using var response = await _http.PostAsync(new Uri(Emulator.ServiceUrl + "/"), content);
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/xml"));
        return (response.StatusCode, XDocument.Parse(await response.Content.ReadAsStringAsync()));
    }
}
