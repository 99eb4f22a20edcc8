using SgLambda.Core.Input;

namespace SgLambda.Core.Tests.Input;

/// <summary>
/// Where real AWS CLI output differs from the examples: describe-managed-prefix-lists prints no entries,
/// get-managed-prefix-list-entries prints them without the list's id, an SG file may lack SGs its ENIs are in,
/// and hand-edited JSON has syntax errors. Each is either read or said, never silently rendered as less.
/// </summary>
public sealed class RealAwsCliOutputTests
{
    private const string Vpc = "vpc-0a1b2c3d4e5f60718";
    private const string Office = "pl-0c2e4a6b8d0f13579";

    // A rule of sg-web admits HTTPS from the office prefix list.
    private static readonly InputFile SecurityGroups = new("sgs.json", $$"""
        {"SecurityGroups": [{"GroupId": "sg-0123456789abcdef0", "VpcId": "{{Vpc}}", "IpPermissions": [
          {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "PrefixListIds": [{"PrefixListId": "{{Office}}"}]}], "IpPermissionsEgress": []}]}
        """);

    // Raw describe-managed-prefix-lists output, fields as botocore's ManagedPrefixList shape names them.
    private static readonly InputFile RawPrefixLists = new("pls.json", $$"""
        {"PrefixLists": [{"PrefixListId": "{{Office}}", "AddressFamily": "IPv4", "State": "create-complete",
          "PrefixListArn": "arn:aws:ec2:us-west-2:111122223333:prefix-list/{{Office}}", "PrefixListName": "office-networks",
          "MaxEntries": 10, "Version": 1, "Tags": [], "OwnerId": "111122223333"}]}
        """);

    private static InputFile Entries(string name, params string[] cidrs) =>
        new(name, "{\"Entries\": [" + string.Join(", ", cidrs.Select(c => $"{{\"Cidr\": \"{c}\", \"Description\": \"office\"}}")) + "], \"NextToken\": \"abc\"}");

    private static InputFile NetworkInterfaces(params string[] groups) => new("enis.json", $$"""
        {"NetworkInterfaces": [{"NetworkInterfaceId": "eni-0a1b2c3d4e5f60718", "VpcId": "{{Vpc}}", "PrivateIpAddress": "10.0.1.10",
          "Groups": [{{string.Join(", ", groups.Select(g => $"{{\"GroupId\": \"{g}\"}}"))}}]}]}
        """);

    private static RenderInput Parse(InputFile? prefixLists, IReadOnlyList<PrefixListEntriesFile>? entries = null, InputFile? networkInterfaces = null) =>
        InputParser.ParseRenderInput(new RenderInputFiles
        {
            SecurityGroups = SecurityGroups,
            NetworkInterfaces = networkInterfaces ?? NetworkInterfaces("sg-0123456789abcdef0"),
            PrefixLists = prefixLists,
            PrefixListEntries = entries ?? [],
            Config = new InputFile("config.json", $$"""{"vpcId": "{{Vpc}}"}"""),
        });

    [Test]
    public void Raw_describe_managed_prefix_lists_output_warns_that_the_rule_names_a_list_without_entries()
    {
        var input = Parse(RawPrefixLists);

        Assert.That(input.Snapshot.PrefixLists, Is.Empty, "a list without entries is not rendered as an empty set");
        Assert.That(input.Warnings, Has.Exactly(1).Contains(Office).And.Contains("entries are unknown").And.Contains("--prefix-list-entries"));
    }

    [Test]
    public void A_list_no_rule_names_needs_no_entries()
    {
        var input = InputParser.ParseRenderInput(new RenderInputFiles
        {
            SecurityGroups = new InputFile("sgs.json", $$"""{"SecurityGroups": [{"GroupId": "sg-0123456789abcdef0", "VpcId": "{{Vpc}}"}]}"""),
            NetworkInterfaces = NetworkInterfaces("sg-0123456789abcdef0"),
            PrefixLists = RawPrefixLists,
            Config = new InputFile("config.json", $$"""{"vpcId": "{{Vpc}}"}"""),
        });

        Assert.That(input.Warnings, Is.Empty);
    }

    [Test]
    public void Get_managed_prefix_list_entries_output_gives_the_entries_and_pages_add_up()
    {
        var input = Parse(RawPrefixLists,
            [new PrefixListEntriesFile(Office, Entries("page1.json", "198.51.100.0/24")), new PrefixListEntriesFile(Office, Entries("page2.json", "203.0.113.0/24"))]);

        Assert.That(input.Warnings, Is.Empty);
        var list = input.Snapshot.PrefixLists.Single();
        Assert.That(list.PrefixListId, Is.EqualTo(Office));
        Assert.That(list.PrefixListName, Is.EqualTo("office-networks"));
        Assert.That(list.Entries.Select(e => e.Cidr), Is.EqualTo(new[] { "198.51.100.0/24", "203.0.113.0/24" }));
    }

    [Test]
    public void Entries_alone_make_the_list_without_a_prefix_lists_file()
    {
        var input = Parse(null, [new PrefixListEntriesFile(Office, Entries("entries.json", "198.51.100.0/24"))]);

        Assert.That(input.Snapshot.PrefixLists.Single().Entries.Single().Cidr, Is.EqualTo("198.51.100.0/24"));
    }

    [Test]
    public void An_entries_file_of_another_shape_names_the_command()
    {
        var error = Assert.Throws<InputException>(() => Parse(RawPrefixLists, [new PrefixListEntriesFile(Office, RawPrefixLists)]))!;

        Assert.That(error.Message, Is.EqualTo("pls.json:1: $: expected an object with Entries (the output of aws ec2 get-managed-prefix-list-entries), got an object with PrefixLists"));
    }

    [Test]
    public void Enis_in_security_groups_the_sg_file_lacks_are_named_in_a_warning()
    {
        var input = Parse(null, networkInterfaces: NetworkInterfaces("sg-0123456789abcdef0", "sg-0aaaaaaaaaaaaaaaa", "sg-0bbbbbbbbbbbbbbbb"));

        Assert.That(input.Warnings, Has.Exactly(1).EqualTo(
            "enis.json: ENIs of vpc-0a1b2c3d4e5f60718 are in security groups that sgs.json does not contain: sg-0aaaaaaaaaaaaaaaa, sg-0bbbbbbbbbbbbbbbb; "
            + "those ENIs get the SGs' labels, but no policy is rendered for them (is the file from another call, or filtered?)"));
        Assert.That(Parse(null).Warnings, Is.Empty);
    }

    [TestCase("{\"SecurityGroups\": [],}", "a comma before the '}' that ends an object (JSON allows no trailing comma)")]
    [TestCase("{\"SecurityGroups\": [{\"GroupId\": \"sg-1\"},]}", "a comma before the ']' that ends an array (JSON allows no trailing comma)")]
    public void A_syntax_error_is_said_in_the_users_terms(string text, string problem)
    {
        var error = Assert.Throws<InputException>(() => InputParser.ParseSecurityGroups(new InputFile("sgs.json", text)))!;

        Assert.That(error.Message, Is.EqualTo("sgs.json:1: not valid JSON: " + problem));
        Assert.That(error.Message, Does.Not.Contain("reader options"));
    }
}
