using System.Net;
using SgLambda.Core.Aws;
using SgLambda.Core.Calico;
using SgLambda.Core.Net;

namespace SgLambda.Core.Translation;

/// <summary>A managed prefix list as a GlobalNetworkSet that rules select by <c>sglambda.io/prefix-list</c>.</summary>
public static class PrefixListRenderer
{
    public static GlobalNetworkSet Render(ManagedPrefixList list, TranslationContext context, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(warnings);
        var id = list.PrefixListId.Trim();
        var cidrs = new List<IPNetwork>();
        foreach (var entry in list.Entries)
        {
            if (Cidr.TryParse(entry.Cidr, out var cidr)) cidrs.Add(cidr);
            else warnings.Add($"{id}: entry '{entry.Cidr}' is not a CIDR; skipped");
        }
        // AWS gives entries in no promised order: sort them so the same list always renders the same.
        var nets = cidrs
            .OrderBy(c => c.IpVersion)
            .ThenBy(c => Convert.ToHexString(c.BaseAddress.GetAddressBytes()), StringComparer.Ordinal)
            .ThenBy(c => c.PrefixLength)
            .Select(c => c.ToString());
        return new GlobalNetworkSet
        {
            ApiVersion = context.Config.CalicoApiGroup,
            Metadata = ObjectFactory.Meta(id, [new(LabelKeys.PrefixList, id)]),
            Spec = new GlobalNetworkSetSpec { Nets = [.. nets.Distinct(StringComparer.Ordinal)] },
        };
    }
}
