using SgLambda.Core.Input;

namespace SgLambda.Core.Tests.Input;

/// <summary>Unusable input gives one message naming the file, the line, the JSON path and what was expected.</summary>
public sealed class InputParserErrorTests
{
    private static string ErrorOf(Action parse)
    {
        var error = Assert.Throws<InputException>(() => parse());
        return error!.Message;
    }

    private static string SecurityGroupsError(string json) =>
        ErrorOf(() => InputParser.ParseSecurityGroups(new InputFile("sgs.json", json)));

    private static string ConfigError(string json) =>
        ErrorOf(() => InputParser.ParseConfig(new InputFile("config.json", json)));

    /// <summary>The fixture with one piece of text replaced (which must occur).</summary>
    private static InputFile FixtureWith(string fileName, string find, string replacement)
    {
        var fixture = Fixtures.Read(fileName);
        var at = fixture.Text.IndexOf(find, StringComparison.Ordinal);
        Assert.That(at, Is.GreaterThanOrEqualTo(0), $"'{find}' is not in {fileName}");
        return new InputFile(fixture.Name, fixture.Text[..at] + replacement + fixture.Text[(at + find.Length)..]);
    }

    [Test]
    public void A_wrong_type_deep_in_a_real_file_names_path_and_line()
    {
        var file = FixtureWith("describe-security-groups.json", "\"FromPort\": 5432", "\"FromPort\": \"5432\"");

        Assert.That(ErrorOf(() => InputParser.ParseSecurityGroups(file)), Is.EqualTo(
            "describe-security-groups.json:89: $.SecurityGroups[1].IpPermissions[0].FromPort: expected an integer, got the string \"5432\""));
    }

    [Test]
    public void A_missing_required_field_names_the_object_that_lacks_it()
    {
        var file = FixtureWith("describe-network-interfaces.json", "\"NetworkInterfaceId\": \"eni-0f9ba99bfa1b2c3d4\",", "");

        Assert.That(ErrorOf(() => InputParser.ParseNetworkInterfaces(file)), Is.EqualTo(
            "describe-network-interfaces.json:78: $.NetworkInterfaces[1]: missing required field NetworkInterfaceId"));
    }

    [TestCase("""{"SecurityGroups": [{"GroupId": 12}]}""", "sgs.json:1: $.SecurityGroups[0].GroupId: expected a string, got the number 12")]
    [TestCase("""{"SecurityGroups": [{"GroupId": null}]}""", "sgs.json:1: $.SecurityGroups[0].GroupId: expected a string, got null")]
    [TestCase("""{"SecurityGroups": [{"Description": "x"}]}""", "sgs.json:1: $.SecurityGroups[0]: missing required field GroupId")]
    [TestCase("""{"SecurityGroups": [{"GroupId": "sg-1", "IpPermissions": {}}]}""", "sgs.json:1: $.SecurityGroups[0].IpPermissions: expected an array, got an object")]
    [TestCase("""{"SecurityGroups": [{"GroupId": "sg-1", "IpPermissions": null}]}""", "sgs.json:1: $.SecurityGroups[0].IpPermissions: expected an array, got null")]
    [TestCase("""{"SecurityGroups": [{"GroupId": "sg-1", "IpPermissions": [{"IpProtocol": "tcp", "FromPort": 1.5}]}]}""", "sgs.json:1: $.SecurityGroups[0].IpPermissions[0].FromPort: expected an integer, got the number 1.5")]
    [TestCase("""{"SecurityGroups": [{"GroupId": "sg-1", "IpPermissions": [{"IpProtocol": "tcp", "ToPort": 99999999999}]}]}""", "sgs.json:1: $.SecurityGroups[0].IpPermissions[0].ToPort: expected an integer, got the number 99999999999")]
    [TestCase("""{"SecurityGroups": [{"GroupId": "sg-1", "IpPermissions": [{"FromPort": 22}]}]}""", "sgs.json:1: $.SecurityGroups[0].IpPermissions[0]: missing required field IpProtocol")]
    [TestCase("""{"SecurityGroups": [{"GroupId": "sg-1", "IpPermissions": [{"IpProtocol": "tcp", "IpRanges": ["10.0.0.0/8"]}]}]}""", "sgs.json:1: $.SecurityGroups[0].IpPermissions[0].IpRanges[0]: expected an object, got the string \"10.0.0.0/8\"")]
    [TestCase("""{"SecurityGroups": [{"GroupId": "sg-1", "IpPermissions": [{"IpProtocol": "tcp", "PrefixListIds": [{"Description": "x"}]}]}]}""", "sgs.json:1: $.SecurityGroups[0].IpPermissions[0].PrefixListIds[0]: missing required field PrefixListId")]
    [TestCase("""{"SecurityGroups": [{"GroupId": "sg-1", "GroupId": "sg-2"}]}""", "sgs.json:1: $.SecurityGroups[0].GroupId: field GroupId appears twice")]
    [TestCase("""{"SecurityGroups": [null]}""", "sgs.json:1: $.SecurityGroups[0]: expected an object, got null")]
    public void Security_group_errors(string json, string expected) =>
        Assert.That(SecurityGroupsError(json), Is.EqualTo(expected));

    [TestCase("[]", "sgs.json:1: $: expected an object with SecurityGroups (the output of aws ec2 describe-security-groups), got an array")]
    [TestCase("{}", "sgs.json:1: $: expected an object with SecurityGroups (the output of aws ec2 describe-security-groups), got an empty object")]
    [TestCase("\"sg-1\"", "sgs.json:1: $: expected an object with SecurityGroups (the output of aws ec2 describe-security-groups), got the string \"sg-1\"")]
    [TestCase("""{"NetworkInterfaces": [], "NextToken": "abc"}""", "sgs.json:1: $: expected an object with SecurityGroups (the output of aws ec2 describe-security-groups), got an object with NetworkInterfaces, NextToken")]
    public void The_wrong_top_level_shape_says_which_command_prints_the_file(string json, string expected) =>
        Assert.That(SecurityGroupsError(json), Is.EqualTo(expected));

    [Test]
    public void Each_AWS_file_names_its_own_command()
    {
        Assert.That(ErrorOf(() => InputParser.ParseNetworkInterfaces(new InputFile("enis.json", "{}"))),
            Is.EqualTo("enis.json:1: $: expected an object with NetworkInterfaces (the output of aws ec2 describe-network-interfaces), got an empty object"));
        Assert.That(ErrorOf(() => InputParser.ParseVpcs(new InputFile("vpcs.json", "[]"))),
            Is.EqualTo("vpcs.json:1: $: expected an object with Vpcs (the output of aws ec2 describe-vpcs), got an array"));
        Assert.That(ErrorOf(() => InputParser.ParseSecurityGroupRules(new InputFile("sgrs.json", """{"SecurityGroups": []}"""))),
            Is.EqualTo("sgrs.json:1: $: expected an object with SecurityGroupRules (the output of aws ec2 describe-security-group-rules), got an object with SecurityGroups"));
        Assert.That(ErrorOf(() => InputParser.ParsePrefixLists(new InputFile("pls.json", "[]"))),
            Is.EqualTo("""pls.json:1: $: expected an object with PrefixLists ({"PrefixLists":[{"PrefixListId":"pl-...","Entries":[{"Cidr":"..."}]}]}), got an array"""));
        Assert.That(ErrorOf(() => InputParser.ParseNodes(new InputFile("nodes.json", """{"kind": "Node", "metadata": {"name": "a"}}"""))),
            Is.EqualTo("nodes.json:1: $: expected an object with items (the output of kubectl get nodes -o json), got an object with kind, metadata"));
    }

    [Test]
    public void Other_files_report_wrong_types_and_missing_fields()
    {
        Assert.That(ErrorOf(() => InputParser.ParseNetworkInterfaces(FixtureWith("describe-network-interfaces.json", "\"DeviceIndex\": 0", "\"DeviceIndex\": \"0\""))),
            Is.EqualTo("describe-network-interfaces.json:13: $.NetworkInterfaces[0].Attachment.DeviceIndex: expected an integer, got the string \"0\""));
        Assert.That(ErrorOf(() => InputParser.ParseNetworkInterfaces(FixtureWith("describe-network-interfaces.json", "\"Primary\": false", "\"Primary\": \"false\""))),
            Is.EqualTo("describe-network-interfaces.json:60: $.NetworkInterfaces[0].PrivateIpAddresses[1].Primary: expected true or false, got the string \"false\""));
        Assert.That(ErrorOf(() => InputParser.ParseVpcs(FixtureWith("describe-vpcs.json", "\"VpcId\": \"vpc-0ffeeddccbbaa9988\",", ""))),
            Is.EqualTo("describe-vpcs.json:41: $.Vpcs[1]: missing required field VpcId"));
        Assert.That(ErrorOf(() => InputParser.ParseSecurityGroupRules(FixtureWith("describe-security-group-rules.json", "\"IsEgress\": true", "\"IsEgress\": 1"))),
            Is.EqualTo("describe-security-group-rules.json:20: $.SecurityGroupRules[1].IsEgress: expected true or false, got the number 1"));
        Assert.That(ErrorOf(() => InputParser.ParsePrefixLists(FixtureWith("prefix-lists.json", "\"Cidr\": \"198.51.100.16/28\"", "\"Address\": \"198.51.100.16/28\""))),
            Is.EqualTo("prefix-lists.json:15: $.PrefixLists[0].Entries[1]: missing required field Cidr"));
        Assert.That(ErrorOf(() => InputParser.ParseNodes(FixtureWith("kubectl-get-nodes.json", "\"name\": \"kind-control-plane\"", "\"uid\": \"1\""))),
            Is.EqualTo("kubectl-get-nodes.json:53: $.items[2].metadata: missing required field name"));
        Assert.That(ErrorOf(() => InputParser.ParseNodes(FixtureWith("kubectl-get-nodes.json", "\"spec\": {}", "\"spec\": []"))),
            Is.EqualTo("kubectl-get-nodes.json:56: $.items[2].spec: expected an object, got an array"));
    }

    [TestCase("")]
    [TestCase("  \n ")]
    public void An_empty_file_is_not_JSON(string text) =>
        Assert.That(SecurityGroupsError(text), Is.EqualTo("sgs.json: not valid JSON: the file is empty"));

    [TestCase("{\n  \"SecurityGroups\": [\n", 3)]
    [TestCase("SecurityGroups: []", 1)]
    [TestCase("{\"SecurityGroups\": [],}", 1)]
    [TestCase("{\"SecurityGroups\": []} {}", 1)]
    [TestCase("{\n// exported by hand\n\"SecurityGroups\": []}", 2)]
    [TestCase("{\n  \"SecurityGroups\": [\n    {\"GroupId\": \"sg-1\" \"GroupName\": \"a\"}\n  ]\n}", 3)]
    public void Text_that_is_not_JSON_names_the_line(string text, int line) =>
        Assert.That(SecurityGroupsError(text), Does.StartWith($"sgs.json:{line}: not valid JSON: "));

    [TestCase("[]", "config.json:1: $: expected an object, got an array")]
    [TestCase("{}", "config.json:1: $: missing required field vpcId")]
    [TestCase("""{"clusterName": "a"}""", "config.json:1: $: missing required field vpcId")]
    [TestCase("""{"vpcId": 7}""", "config.json:1: $.vpcId: expected a string, got the number 7")]
    [TestCase("""{"vpcId": "vpc_0a1b"}""", "config.json:1: $.vpcId: expected a VPC id (vpc- and hex digits), got 'vpc_0a1b'")]
    [TestCase("""{"vpcId": "vpc-0a1b", "podSecurityGroupId": "pod-sg"}""", "config.json:1: $.podSecurityGroupId: expected a security group id (sg- and hex digits), got 'pod-sg'")]
    [TestCase("""{"vpcId": "vpc-0a1b", "trustSecurityGroupId": "SG-0A1B"}""", "config.json:1: $.trustSecurityGroupId: expected a security group id (sg- and hex digits), got 'SG-0A1B'")]
    [TestCase("""{"vpcId": "vpc-0a1b", "enforcedSecurityGroupId": ""}""", "config.json:1: $.enforcedSecurityGroupId: expected a security group id (sg- and hex digits), got ''")]
    [TestCase("""{"vpcId": "vpc-0a1b", "nodeSecurityGroupIds": "sg-01"}""", "config.json:1: $.nodeSecurityGroupIds: expected an array, got the string \"sg-01\"")]
    [TestCase("""{"vpcId": "vpc-0a1b", "nodeSecurityGroupIds": ["sg-01", "sg_02"]}""", "config.json:1: $.nodeSecurityGroupIds[1]: expected a security group id (sg- and hex digits), got 'sg_02'")]
    [TestCase("""{"vpcId": "vpc-0a1b", "defaultPodMetadataAccess": "allowed"}""", "config.json:1: $.defaultPodMetadataAccess: unknown defaultPodMetadataAccess 'allowed': expected Denied or Allowed")]
    [TestCase("""{"vpcId": "vpc-0a1b", "defaultPodMetadataAccess": 1}""", "config.json:1: $.defaultPodMetadataAccess: unknown defaultPodMetadataAccess the number 1: expected Denied or Allowed")]
    [TestCase("""{"vpcId": "vpc-0a1b", "calicoApiGroup": "x"}""", "config.json:1: $.calicoApiGroup: unknown calicoApiGroup 'x': expected projectcalico.org/v3 or crd.projectcalico.org/v1")]
    [TestCase("""{"vpcId": "vpc-0a1b", "enforceNodes": "yes"}""", "config.json:1: $.enforceNodes: expected true or false, got the string \"yes\"")]
    [TestCase("""{"vpcId": "vpc-0a1b", "memberNodeName": "VPC Members"}""", "config.json:1: $.memberNodeName: expected a Kubernetes node name (lowercase letters, digits, '-' and '.'), got 'VPC Members'")]
    [TestCase("""{"vpcId": "vpc-0a1b", "memberNodeName": null}""", "config.json:1: $.memberNodeName: expected a string, got null")]
    [TestCase("""{"vpcId": "vpc-0a1b", "accountId": "1111-2222-3333"}""", "config.json:1: $.accountId: expected a 12-digit AWS account id, got '1111-2222-3333'")]
    public void Config_errors(string json, string expected) =>
        Assert.That(ConfigError(json), Is.EqualTo(expected));

    [Test]
    public void An_unknown_config_field_is_a_typo_and_the_message_lists_the_known_ones()
    {
        var message = ConfigError("""{"vpcId": "vpc-0a1b", "enforceNode": false}""");

        Assert.That(message, Does.StartWith("config.json:1: $.enforceNode: unknown field enforceNode: expected one of vpcId, clusterName, "));
        Assert.That(message, Does.Contain(" enforceNodes,"));
    }

    [Test]
    public void A_config_error_names_its_line()
    {
        const string json = "{\n  \"vpcId\": \"vpc-0a1b\",\n  \"calicoApiGroup\": \"projectcalico.org/v1\"\n}\n";

        Assert.That(ConfigError(json), Is.EqualTo(
            "config.json:3: $.calicoApiGroup: unknown calicoApiGroup 'projectcalico.org/v1': expected projectcalico.org/v3 or crd.projectcalico.org/v1"));
    }

    [Test]
    public void The_exception_carries_the_parts_of_its_message()
    {
        var error = Assert.Throws<InputException>(() =>
            InputParser.ParseVpcs(new InputFile("vpcs.json", "{\n\"Vpcs\": [\n{\"VpcId\": \"vpc-1\", \"CidrBlock\": 10}]}")));

        Assert.That((error!.FileName, error.JsonPath, error.LineNumber, error.Problem),
            Is.EqualTo(("vpcs.json", "$.Vpcs[0].CidrBlock", (int?)3, "expected a string, got the number 10")));
    }

    // The big files are read side by side; the error reported is still the first in the files' order, every time.
    [TestCase(true, true, true, "sgs.json")]
    [TestCase(false, true, true, "enis.json")]
    [TestCase(false, false, true, "config.json")]
    [TestCase(true, false, false, "sgs.json")]
    public void With_several_bad_files_the_first_in_the_files_order_is_reported(bool badGroups, bool badInterfaces, bool badConfig, string reported)
    {
        static InputFile Bad(string name) => new(name, "{\"oops\"");
        var files = new RenderInputFiles
        {
            SecurityGroups = badGroups ? Bad("sgs.json") : Fixtures.Read("describe-security-groups.json"),
            NetworkInterfaces = badInterfaces ? Bad("enis.json") : Fixtures.Read("describe-network-interfaces.json"),
            SecurityGroupRules = Bad("sgrs.json"),
            Config = badConfig ? Bad("config.json") : Fixtures.Read("config.json"),
        };

        for (var attempt = 0; attempt < 20; attempt++)
            Assert.That(ErrorOf(() => InputParser.ParseRenderInput(files)), Does.StartWith(reported + ":"));
    }
}
