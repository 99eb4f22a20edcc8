using SgLambda.Core.Calico;

namespace SgLambda.Kubernetes;

/// <summary>A <see cref="LabelQuery"/> as the API server's <c>labelSelector</c> parameter: <c>k=v</c>, <c>k</c>, <c>k in (a,b)</c>, joined by commas (and).</summary>
public static class LabelSelectorText
{
    /// <summary>The selector string; empty for a query that asks for everything.</summary>
    public static string Render(LabelQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return string.Join(",", query.Requirements.Select(requirement => requirement.Operator switch
        {
            LabelOperator.Exists => requirement.Key,
            LabelOperator.Equals => $"{requirement.Key}={requirement.Values.Single()}",
            _ => $"{requirement.Key} in ({string.Join(",", requirement.Values)})",
        }));
    }
}
