namespace SgLambda.Core.Events;

/// <summary>
/// Amazon OpenSearch Service (event source <c>es.amazonaws.com</c>, also for the Elasticsearch-named
/// calls): <c>domainName</c> and <c>vPCOptions.securityGroupIds</c>. A VPC domain's ENIs are described
/// <c>ES DOMAIN</c>; a call without VPC options changes nothing SgLambda renders.
/// </summary>
internal static class OpenSearchCalls
{
    public static CallEffect DomainConfigured(CloudTrailCall call)
    {
        var groups = GroupIdList.Read(call.Request["vPCOptions"]["securityGroupIds"]);
        var affected = new AffectedBuilder();
        if (groups.Count == 0) return affected.Effect($"{call.EventName} sets no VPC security groups (it changes nothing SgLambda renders)");
        var domain = ResourceName.Required(call.Request["domainName"], "a domain name");
        affected.MembersOf(groups).NetworkInterfaceDescription($"ES {domain}");
        return affected.Effect($"security groups of OpenSearch domain {domain} set to {Ids.Join(groups)}");
    }
}
