using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>
/// What validating a write found: the object as the API server would store it (defaults applied, fields the
/// schema does not declare pruned), the errors that make it Invalid (422), and the undeclared fields that
/// were pruned (<c>spec.foo</c>), which <c>fieldValidation=Strict</c> turns into a 400 and the default
/// (<c>Warn</c>) into <c>Warning</c> headers.
/// </summary>
public sealed record ObjectValidation(JsonObject Object, IReadOnlyList<StatusCause> Errors, IReadOnlyList<string> UnknownFields)
{
    public static ObjectValidation Valid(JsonObject value) => new(value, [], []);
}
