using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>
/// Validation of custom resources on create, update and patch, as the API server's CRD handler does it
/// (schema, CEL rules, and for Calico its semantic checks). Called with the final object, after metadata
/// defaults and before the write; an object it does not know is returned unchanged and valid.
/// </summary>
public interface IObjectValidator
{
    /// <param name="resource">The resource written.</param>
    /// <param name="candidate">The object to store (not modified).</param>
    /// <param name="existing">The stored object an update replaces; null on create.</param>
    ObjectValidation Validate(ApiResource resource, JsonObject candidate, JsonObject? existing);
}
