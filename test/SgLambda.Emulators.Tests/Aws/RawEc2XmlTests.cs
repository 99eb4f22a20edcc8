using System.Net;
using System.Xml.Linq;

namespace SgLambda.Emulators.Tests.Aws;

/// <summary>
/// EC2's XML as documented, read without the SDK (which forgives order and namespaces): the response
/// element in the 2016-11-15 namespace, <c>requestId</c> first, lists of <c>&lt;item&gt;</c>, and errors as
/// <c>Response/Errors/Error</c> with <c>RequestID</c>.
/// </summary>
public sealed class RawEc2XmlTests : EmulatorTestBase
{
    private static readonly XNamespace Ec2Ns = "http://ec2.amazonaws.com/doc/2016-11-15/";

    [Test]
    public async Task DescribeSecurityGroups_is_a_securityGroupInfo_list_of_items()
    {
        var group = Emulator.Account.AddSecurityGroup(Vpc.VpcId, "app");

        var (status, xml) = await Post(("Action", "DescribeSecurityGroups"), ("Version", "2016-11-15"), ("GroupId.1", group.GroupId));

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(xml.Root!.Name, Is.EqualTo(Ec2Ns + "DescribeSecurityGroupsResponse"));
        Assert.That(xml.Root.Elements().First().Name, Is.EqualTo(Ec2Ns + "requestId"));
        var item = xml.Root.Element(Ec2Ns + "securityGroupInfo")!.Elements().Single();
        Assert.That(item.Name, Is.EqualTo(Ec2Ns + "item"));
        Assert.That(item.Elements().Select(e => e.Name.LocalName), Is.EqualTo(new[]
        {
            "ownerId", "groupId", "groupName", "groupDescription", "vpcId", "ipPermissions", "ipPermissionsEgress", "securityGroupArn",
        }));
        var egress = item.Element(Ec2Ns + "ipPermissionsEgress")!.Element(Ec2Ns + "item")!;
        Assert.That(egress.Element(Ec2Ns + "ipProtocol")!.Value, Is.EqualTo("-1"));
        Assert.That(egress.Element(Ec2Ns + "fromPort"), Is.Null, "no ports for all protocols");
        Assert.That(egress.Element(Ec2Ns + "groups")!.IsEmpty, Is.True, "empty lists are empty elements");
        Assert.That(egress.Element(Ec2Ns + "ipRanges")!.Element(Ec2Ns + "item")!.Element(Ec2Ns + "cidrIp")!.Value, Is.EqualTo("0.0.0.0/0"));
    }

    [Test]
    public async Task Errors_are_Response_Errors_Error_with_a_RequestID_and_http_400()
    {
        var (status, xml) = await Post(("Action", "DescribeNetworkInterfaces"), ("Version", "2016-11-15"), ("NetworkInterfaceId.1", "eni-0123456789abcdef0"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(xml.Root!.Name.LocalName, Is.EqualTo("Response"));
        var error = xml.Root.Element("Errors")!.Element("Error")!;
        Assert.That(error.Element("Code")!.Value, Is.EqualTo("InvalidNetworkInterfaceID.NotFound"));
        Assert.That(error.Element("Message")!.Value, Is.EqualTo("The networkInterface ID 'eni-0123456789abcdef0' does not exist"));
        Assert.That(xml.Root.Element("RequestID")!.Value, Does.Match("^[0-9a-f-]{36}$"));
    }

    [TestCase("NoSuchAction", "InvalidAction")]
    [TestCase("", "MissingAction")]
    public async Task An_unknown_or_missing_action_is_refused(string action, string code)
    {
        var (status, xml) = await Post(("Action", action), ("Version", "2016-11-15"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(xml.Descendants("Code").Single().Value, Is.EqualTo(code));
    }

    [Test]
    public async Task A_get_with_query_parameters_works_as_the_query_api_allows()
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri($"{Emulator.ServiceUrl}/?Action=DescribeVpcs&Version=2016-11-15"));
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(xml.Descendants(Ec2Ns + "vpcId").Single().Value, Is.EqualTo(Vpc.VpcId));
    }

    private async Task<(HttpStatusCode Status, XDocument Xml)> Post(params (string Name, string Value)[] parameters)
    {
        using var http = new HttpClient();
        using var form = new FormUrlEncodedContent(parameters.Select(p => KeyValuePair.Create(p.Name, p.Value)));
        using var response = await http.PostAsync(new Uri(Emulator.ServiceUrl), form);
        return (response.StatusCode, XDocument.Parse(await response.Content.ReadAsStringAsync()));
    }
}
