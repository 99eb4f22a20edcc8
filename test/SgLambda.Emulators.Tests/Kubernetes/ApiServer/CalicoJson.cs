namespace SgLambda.Emulators.Tests.Kubernetes.ApiServer;

/// <summary>Small, valid Calico objects as JSON, for either API group.</summary>
internal static class CalicoJson
{
    public const string V1 = "crd.projectcalico.org/v1";
    public const string V3 = "projectcalico.org/v3";

    public static string Path(string apiVersion, string plural, string? name = null, string? objectNamespace = null) =>
        $"/apis/{apiVersion}/{(objectNamespace is null ? "" : $"namespaces/{objectNamespace}/")}{plural}{(name is null ? "" : "/" + name)}";

    public static string Tier(string apiVersion, string name, double order = 100, string labels = "{}") =>
        $$$"""{"apiVersion":"{{{apiVersion}}}","kind":"Tier","metadata":{"name":"{{{name}}}","labels":{{{labels}}}},"spec":{"order":{{{order}}},"defaultAction":"Deny"}}""";

    public static string NetworkSet(string apiVersion, string name, string labels = "{}", string nets = "[\"10.0.0.0/8\"]") =>
        $$$"""{"apiVersion":"{{{apiVersion}}}","kind":"GlobalNetworkSet","metadata":{"name":"{{{name}}}","labels":{{{labels}}}},"spec":{"nets":{{{nets}}}}}""";

    public static string Policy(string apiVersion, string name, string tier = "default", double order = 10, string labels = "{}") =>
        $$$"""{"apiVersion":"{{{apiVersion}}}","kind":"GlobalNetworkPolicy","metadata":{"name":"{{{name}}}","labels":{{{labels}}}},"spec":{"tier":"{{{tier}}}","order":{{{order}}},"selector":"all()","types":["Ingress"],"ingress":[{"action":"Pass"}]}}""";
}
