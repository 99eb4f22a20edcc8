using System.Globalization;

namespace SgLambda.Emulators.Kubernetes;

/// <summary>Builds Kubernetes field paths: <c>spec</c>, <c>spec.ingress[0]</c>, <c>metadata.labels[app]</c>.</summary>
public static class FieldPath
{
    public static string Child(string parent, string name)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return parent.Length == 0 ? name : parent + "." + name;
    }

    public static string Index(string parent, int index) =>
        parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    public static string Key(string parent, string key) => parent + "[" + key + "]";
}
