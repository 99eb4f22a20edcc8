using Amazon.EC2.Model;
using FsCheck;
using FsCheck.Fluent;
using SgLambda.Emulators.Aws;
using SgLambda.Emulators.Aws.Model;

namespace SgLambda.Emulators.Tests.Aws;

/// <summary>MaxResults / NextToken as the SDK pages through them.</summary>
public sealed class PaginationTests : EmulatorTestBase
{
    [Test]
    public async Task Security_groups_come_in_pages_of_max_results_until_there_is_no_next_token()
    {
        for (var i = 0; i < 11; i++) Emulator.Account.AddSecurityGroup(Vpc.VpcId, $"group-{i}");

        var pages = new List<int>();
        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { MaxResults = 5, NextToken = token });
            pages.Add(page.SecurityGroups.Count);
            seen.AddRange(page.SecurityGroups.Select(g => g.GroupId));
            token = page.NextToken;
        }
        while (token is not null);

        Assert.That(pages, Is.EqualTo(new[] { 5, 5, 2 }), "11 groups and the VPC's default one");
        Assert.That(seen, Is.EquivalentTo(Emulator.Account.SecurityGroups.Select(g => g.GroupId)));
    }

    [Test]
    public async Task The_sdk_paginator_reads_every_eni()
    {
        for (var i = 0; i < 7; i++) Emulator.Account.AddNetworkInterface(new NetworkInterfaceSpec { SubnetId = Subnet.SubnetId });

        var ids = new List<string>();
        await foreach (var eni in Ec2.Paginators.DescribeNetworkInterfaces(new DescribeNetworkInterfacesRequest { MaxResults = 5 }).NetworkInterfaces)
            ids.Add(eni.NetworkInterfaceId);

        Assert.That(ids, Is.EquivalentTo(Emulator.Account.NetworkInterfaces.Select(e => e.NetworkInterfaceId)));
        Assert.That(Emulator.Calls.Count("DescribeNetworkInterfaces"), Is.EqualTo(2));
    }

    [Test]
    public async Task A_page_boundary_survives_deletes_and_creates_between_pages()
    {
        for (var i = 0; i < 9; i++) Emulator.Account.AddSecurityGroup(Vpc.VpcId, $"group-{i}");
        var first = await Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { MaxResults = 5 });
        await Ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = first.SecurityGroups.Last(g => g.GroupName != "default").GroupId });

        var second = await Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { MaxResults = 5, NextToken = first.NextToken });

        var remaining = Emulator.Account.SecurityGroups.Select(g => g.GroupId).ToList();
        Assert.That(first.SecurityGroups.Select(g => g.GroupId).Concat(second.SecurityGroups.Select(g => g.GroupId)).Where(remaining.Contains),
            Is.EquivalentTo(remaining), "nothing still there is skipped or repeated");
    }

    [Test]
    public async Task A_bad_token_or_page_size_is_refused()
    {
        var token = await Ec2Error(() => Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { NextToken = "not-a-token" }));
        var belowMinimum = int.Parse("4", System.Globalization.CultureInfo.InvariantCulture); // the SDK's analyzer refuses the constant
        var size = await Ec2Error(() => Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { MaxResults = belowMinimum }));

        Assert.That(token.ErrorCode, Is.EqualTo("InvalidPaginationToken"));
        Assert.That(size.ErrorCode, Is.EqualTo("InvalidParameterValue"));
    }

    /// <summary>Law: for any number of groups and any page size, paging returns every group exactly once.</summary>
    [FsCheck.NUnit.Property(MaxTest = 15)]
    public Property Paging_returns_every_group_exactly_once() =>
        Prop.ForAll(Gen.Choose(0, 30).ToArbitrary(), Gen.Choose(5, 12).ToArbitrary(), (groupCount, pageSize) =>
        {
            var seen = PageThroughGroups(groupCount, pageSize).GetAwaiter().GetResult();
            return seen.Paged.Order(StringComparer.Ordinal).SequenceEqual(seen.Expected.Order(StringComparer.Ordinal));
        });

    private static async Task<(IReadOnlyList<string> Paged, IReadOnlyList<string> Expected)> PageThroughGroups(int groupCount, int pageSize)
    {
        await using var emulator = await Ec2Emulator.StartAsync();
        var vpc = emulator.Account.AddVpc("10.0.0.0/16");
        for (var i = 0; i < groupCount; i++) emulator.Account.AddSecurityGroup(vpc.VpcId, $"group-{i}");
        using var ec2 = CreateClient(emulator, maxErrorRetry: 0);
        var paged = new List<string>();
        string? token = null;
        do
        {
            var page = await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { MaxResults = pageSize, NextToken = token });
            paged.AddRange((page.SecurityGroups ?? []).Select(g => g.GroupId));
            token = page.NextToken;
        }
        while (token is not null);
        return (paged, [.. emulator.Account.SecurityGroups.Select(g => g.GroupId)]);
    }
}
