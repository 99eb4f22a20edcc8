using System.Net;
using SgLambda.Core.Net;

namespace SgLambda.Core.Tests.Net;

/// <summary>How the product reads a CIDR: as AWS accepts it and Calico reads <c>nets</c>.</summary>
public class CidrTests
{
    [TestCase("10.0.0.0/16", "10.0.0.0/16")]
    [TestCase("10.0.0.5/16", "10.0.0.0/16")]
    [TestCase("10.0.0.5", "10.0.0.5/32")]
    [TestCase(" 10.0.0.0 / 8 ", "10.0.0.0/8")]
    [TestCase("10.0.0.0/016", "10.0.0.0/16")]
    [TestCase("0.0.0.0/0", "0.0.0.0/0")]
    [TestCase("2001:db8::1/32", "2001:db8::/32")]
    [TestCase("2001:DB8::1", "2001:db8::1/128")]
    [TestCase("fe80::1%5/64", "fe80::/64")]
    [TestCase("fe80::1%5", "fe80::1/128")]
    [TestCase("::ffff:10.0.0.1/128", "::ffff:10.0.0.1/128")]
    public void Reads_a_CIDR_or_an_address_in_canonical_form(string text, string canonical)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Cidr.TryParse(text, out var network), Is.True);
            Assert.That(network.ToString(), Is.EqualTo(canonical));
            Assert.That(Cidr.Parse(text), Is.EqualTo(network));
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    [TestCase("10.0.0.0/33")]
    [TestCase("2001:db8::/129")]
    [TestCase("10.0.0.0/")]
    [TestCase("/16")]
    [TestCase("10.0.0.0/+16")]
    [TestCase("10.0.0.0/-1")]
    [TestCase("10.0.0.0/16/2")]
    [TestCase("10.0.0.256/16")]
    [TestCase("pl-0123")]
    public void Refuses_what_is_not_a_CIDR(string? text)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Cidr.TryParse(text, out _), Is.False);
            if (text is not null) Assert.That(() => Cidr.Parse(text), Throws.TypeOf<FormatException>().With.Message.EqualTo($"\"{text}\" is not an IP address or CIDR"));
        });
    }

    [Test]
    public void Knows_its_family()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Cidr.Parse("10.0.0.0/8").IpVersion, Is.EqualTo(4));
            Assert.That(Cidr.Parse("10.0.0.0/8").IsIPv6, Is.False);
            Assert.That(Cidr.Parse("::/0").IpVersion, Is.EqualTo(6));
            Assert.That(Cidr.Parse("::/0").IsIPv6, Is.True);
        });
    }

    [Test]
    public void A_host_route_keeps_the_address()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Cidr.Host(IPAddress.Parse("169.254.169.254")).ToString(), Is.EqualTo("169.254.169.254/32"));
            Assert.That(Cidr.Host(IPAddress.Parse("fd00:ec2::254")).ToString(), Is.EqualTo("fd00:ec2::254/128"));
        });
    }

    [Test]
    public void A_match_never_crosses_address_families()
    {
        var mapped = IPAddress.Parse("::ffff:10.0.0.1");
        Assert.Multiple(() =>
        {
            // The BCL counts an IPv4-mapped IPv6 address in an IPv4 network; AWS and Calico do not.
            Assert.That(Cidr.Parse("10.0.0.0/8").Matches(mapped), Is.False);
            Assert.That(Cidr.Parse("0.0.0.0/0").Matches(IPAddress.Parse("2001:db8::1")), Is.False);
            Assert.That(Cidr.Parse("::/0").Matches(IPAddress.Parse("10.0.0.1")), Is.False);
            Assert.That(Cidr.Parse("::/0").Matches(mapped), Is.True);
            Assert.That(Cidr.Parse("10.0.0.0/8").Matches(IPAddress.Parse("10.255.0.1")), Is.True);
            Assert.That(Cidr.Parse("fe80::/64").Matches(IPAddress.Parse("fe80::1%5")), Is.True);
        });
    }
}
