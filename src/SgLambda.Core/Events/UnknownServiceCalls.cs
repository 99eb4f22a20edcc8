namespace SgLambda.Core.Events;

/// <summary>
/// A successful write call of a service that <see cref="CloudTrailCalls"/> does not know: if its request
/// names SG or ENI ids, those are re-read (the SGs' members and the ENIs), so a service added to AWS after
/// this table still reaches the cluster; the reason says so, for the log.
/// </summary>
internal static class UnknownServiceCalls
{
    public static CallEffect Classify(CloudTrailCall call, string source)
    {
        var groups = JsonSearch.SecurityGroupIds(call.Request).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var enis = JsonSearch.NetworkInterfaceIds(call.Request).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var affected = new AffectedBuilder().MembersOf(groups);
        foreach (var eni in enis) affected.NetworkInterface(eni);
        var what = JsonField.Printable($"{call.EventName} from {source}");
        return affected.Effect(groups.Count + enis.Count == 0
            ? $"{what} is not a known call and its request names no security group or network interface (it changes nothing SgLambda renders)"
            : $"{what} is not a known call; re-reading the ids its request names: {Ids.Join([.. groups, .. enis])}");
    }
}
