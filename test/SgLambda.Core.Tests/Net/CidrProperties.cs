using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using FsCheck;
using FsCheck.Fluent;
using SgLambda.Core.Net;

namespace SgLambda.Core.Tests.Net;

/// <summary>The laws of a CIDR, checked against integer arithmetic on the address bits.</summary>
public class CidrProperties
{
    [FsCheck.NUnit.Property(MaxTest = 500)]
    public Property An_IPv4_network_matches_the_addresses_that_share_its_prefix_bits()
    {
        var cases = from network in ArbMap.Default.GeneratorFor<uint>()
                    from prefix in Gen.Choose(0, 32)
                    from address in Gen.OneOf(ArbMap.Default.GeneratorFor<uint>(), Near(network))
                    select (network, prefix, address);
        return Prop.ForAll(Arb.From(cases), input =>
        {
            var cidr = Cidr.Parse(Text(V4(input.network), input.prefix));
            var mask = input.prefix == 0 ? 0u : uint.MaxValue << (32 - input.prefix);
            return cidr.Matches(V4(input.address)) == ((input.network & mask) == (input.address & mask))
                && cidr.BaseAddress.Equals(V4(input.network & mask));
        });
    }

    [FsCheck.NUnit.Property(MaxTest = 500)]
    public Property An_IPv6_network_matches_the_addresses_that_share_its_prefix_bits()
    {
        var cases = from high in ArbMap.Default.GeneratorFor<ulong>()
                    from low in ArbMap.Default.GeneratorFor<ulong>()
                    from prefix in Gen.Choose(0, 128)
                    from flip in Gen.Choose(0, 127)
                    select (network: new UInt128(high, low), prefix, flip);
        return Prop.ForAll(Arb.From(cases), input =>
        {
            // An address one bit away from the network: inside exactly when that bit is a host bit.
            var address = input.network ^ (UInt128.One << (127 - input.flip));
            var cidr = Cidr.Parse(Text(V6(input.network), input.prefix));
            var mask = input.prefix == 0 ? UInt128.Zero : UInt128.MaxValue << (128 - input.prefix);
            return cidr.Matches(V6(input.network))
                && cidr.Matches(V6(address)) == (input.flip >= input.prefix)
                && cidr.BaseAddress.Equals(V6(input.network & mask));
        });
    }

    [FsCheck.NUnit.Property(MaxTest = 500)]
    public Property The_canonical_rendering_reads_back_as_the_same_network()
    {
        var v4 = from bits in ArbMap.Default.GeneratorFor<uint>() from prefix in Gen.Choose(0, 32) select Text(V4(bits), prefix);
        var v6 = from high in ArbMap.Default.GeneratorFor<ulong>()
                 from low in ArbMap.Default.GeneratorFor<ulong>()
                 from prefix in Gen.Choose(0, 128)
                 select Text(V6(new UInt128(high, low)), prefix);
        return Prop.ForAll(Arb.From(Gen.OneOf(v4, v6)), text =>
        {
            var cidr = Cidr.Parse(text);
            var rendered = cidr.ToString();
            return Cidr.Parse(rendered).Equals(cidr) && Cidr.Parse(rendered).ToString() == rendered && IPNetwork.Parse(rendered).Equals(cidr);
        });
    }

    /// <summary>Addresses that differ from the network in one bit, so both sides of the prefix are tried.</summary>
    private static Gen<uint> Near(uint network) =>
        Gen.Choose(0, 31).Select(bit => network ^ (1u << bit));

    private static string Text(IPAddress address, int prefix) => string.Create(CultureInfo.InvariantCulture, $"{address}/{prefix}");

    private static IPAddress V4(uint bits)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, bits);
        return new IPAddress(bytes);
    }

    private static IPAddress V6(UInt128 bits)
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, bits);
        return new IPAddress(bytes);
    }
}
