namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>
/// A resource URL taken apart: <c>/api/v1[/namespaces/{ns}]/{plural}[/{name}[/{subresource}]]</c> or
/// <c>/apis/{group}/{version}[/namespaces/{ns}]/{plural}[/{name}[/{subresource}]]</c>.
/// </summary>
public sealed record ApiPath(ApiResource Resource, string? Namespace, string? Name, string? Subresource)
{
    /// <summary>The path's resource request, or null when the path names no served resource.</summary>
    public static ApiPath? Parse(string path, ApiResourceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(catalog);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        string group;
        string version;
        string[] rest;
        switch (segments)
        {
            case ["api", var coreVersion, .. var coreRest]:
                (group, version, rest) = ("", coreVersion, coreRest);
                break;
            case ["apis", var apiGroup, var apiVersion, .. var groupRest]:
                (group, version, rest) = (apiGroup, apiVersion, groupRest);
                break;
            default:
                return null;
        }

        // "namespaces/{ns}/{plural}/..." is a namespaced request unless it is the namespace object itself.
        if (rest is ["namespaces", var objectNamespace, var plural, .. var namespacedRest]
            && catalog.Find(group, version, plural) is { Namespaced: true } namespaced)
        {
            return namespacedRest switch
            {
                [] => new ApiPath(namespaced, objectNamespace, null, null),
                [var name] => new ApiPath(namespaced, objectNamespace, name, null),
                [var name, var subresource] => new ApiPath(namespaced, objectNamespace, name, subresource),
                _ => null,
            };
        }
        if (rest.Length == 0 || catalog.Find(group, version, rest[0]) is not { } resource) return null;
        return rest switch
        {
            [_] => new ApiPath(resource, null, null, null),
            [_, var name] => new ApiPath(resource, null, name, null),
            [_, var name, var subresource] => new ApiPath(resource, null, name, subresource),
            _ => null,
        };
    }
}
