using FsCheck;
using FsCheck.Fluent;
using SgLambda.Diagnostics.Evaluation;
using SgLambda.Diagnostics.Explain;

namespace SgLambda.Diagnostics.Tests.Explain;

public class TrafficSpecTests
{
    [TestCase("443", IpProtocols.Tcp, 443)]
    [TestCase("443/tcp", IpProtocols.Tcp, 443)]
    [TestCase("53/UDP", IpProtocols.Udp, 53)]
    [TestCase("2905/sctp", IpProtocols.Sctp, 2905)]
    public void Ports_and_protocols(string text, int protocol, int port) =>
        Assert.That(TrafficSpec.Parse(text), Is.EqualTo(new TrafficSpec(protocol, port, null, null)));

    [Test]
    public void Icmp_defaults_to_an_echo_request_and_becomes_icmpv6_between_ipv6_addresses()
    {
        var icmp = TrafficSpec.Parse("icmp");

        Assert.That(icmp.ToFlow(System.Net.IPAddress.Parse("10.0.0.1"), System.Net.IPAddress.Parse("10.0.0.2")),
            Is.EqualTo(new Flow(System.Net.IPAddress.Parse("10.0.0.1"), System.Net.IPAddress.Parse("10.0.0.2"), IpProtocols.Icmp, null, 8, 0)));
        Assert.That(icmp.ToFlow(System.Net.IPAddress.Parse("fd00::1"), System.Net.IPAddress.Parse("fd00::2")).Protocol, Is.EqualTo(IpProtocols.Icmpv6));
        Assert.That(icmp.ToFlow(System.Net.IPAddress.Parse("fd00::1"), System.Net.IPAddress.Parse("fd00::2")).IcmpType, Is.EqualTo(128));
        Assert.That(TrafficSpec.Parse("icmp/3/4"), Is.EqualTo(new TrafficSpec(IpProtocols.Icmp, null, 3, 4)));
    }

    [Test]
    public void A_protocol_number_without_ports()
    {
        Assert.That(TrafficSpec.Parse("proto/50"), Is.EqualTo(new TrafficSpec(50, null, null, null)));
    }

    [TestCase("", "expected a port from 1 to 65535, got \"\"")]
    [TestCase("0", "expected a port from 1 to 65535, got \"0\"")]
    [TestCase("80/tcp/1", "expected PORT[/tcp|udp|sctp|udplite]")]
    [TestCase("icmp/300", "expected a ICMP type from 0 to 255")]
    [TestCase("proto/17", "protocol 17 has ports: write PORT/udp")]
    public void Malformed_specs_say_what_was_expected(string text, string problem) =>
        Assert.That(() => TrafficSpec.Parse(text), Throws.TypeOf<ExplainQueryException>().With.Message.Contains(problem));

    /// <summary>The law: what a spec prints parses back to the same spec.</summary>
    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Printing_and_parsing_round_trip()
    {
        var specs = Gen.OneOf(
            from protocol in Gen.Elements(IpProtocols.Tcp, IpProtocols.Udp, IpProtocols.Sctp, IpProtocols.UdpLite)
            from port in Gen.Choose(1, 65535)
            select new TrafficSpec(protocol, port, null, null),
            from protocol in Gen.Elements(IpProtocols.Icmp, IpProtocols.Icmpv6)
            from type in Gen.Choose(0, 255)
            from code in Gen.Choose(0, 255)
            select new TrafficSpec(protocol, null, type, code),
            from protocol in Gen.Choose(0, 255).Where(p => !IpProtocols.HasPorts(p) && !IpProtocols.IsIcmp(p))
            select new TrafficSpec(protocol, null, null, null));
        return Prop.ForAll(Arb.From(specs), spec => TrafficSpec.Parse(spec.ToString()) == spec);
    }
}
