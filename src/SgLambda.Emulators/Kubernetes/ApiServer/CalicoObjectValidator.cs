using System.Text.Json.Nodes;
using SgLambda.Emulators.Kubernetes.Calico;

namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>
/// Validates custom resources with the CRD schemas of a folder (<see cref="CrdSchemaValidator"/>: structural
/// schema, CEL rules, ObjectMeta), and Calico objects also with Calico's own checks
/// (<see cref="CalicoSemanticValidator"/>), in both Calico API groups. As the API server does, fields the schema
/// does not declare are pruned (and reported), defaults are applied, and what remains invalid is an error.
/// </summary>
public sealed class CalicoObjectValidator : IObjectValidator
{
    private static readonly HashSet<string> CalicoGroups = new(StringComparer.Ordinal) { "projectcalico.org", "crd.projectcalico.org" };

    private readonly Dictionary<(string Group, string Kind), CrdSchemaValidator> _byKind = [];

    /// <param name="crdRoot">A folder whose folders (or itself) hold CRD YAML files, e.g. the <c>calico-crds</c> folder.</param>
    public CalicoObjectValidator(string crdRoot)
    {
        ArgumentNullException.ThrowIfNull(crdRoot);
        var folders = new[] { crdRoot }.Concat(Directory.EnumerateDirectories(crdRoot, "*", SearchOption.AllDirectories))
            .Where(folder => Directory.EnumerateFiles(folder, "*.yaml").Any() || Directory.EnumerateFiles(folder, "*.yml").Any())
            .Order(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            var validator = CrdSchemaValidator.ForDirectory(folder);
            foreach (var definition in validator.Definitions) _byKind[(definition.Group, definition.Kind)] = validator;
        }
    }

    public ObjectValidation Validate(ApiResource resource, JsonObject candidate, JsonObject? existing)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(candidate);
        if (!_byKind.TryGetValue((resource.Group, resource.Kind), out var schema)) return ObjectValidation.Valid(candidate);

        var pruned = (JsonObject)candidate.DeepClone();
        var unknown = schema.Validate(pruned).Where(error => error.Type == FieldErrorType.FieldNotDeclared).Select(error => error.Field).Distinct().ToList();
        foreach (var field in unknown) FieldPaths.Remove(pruned, field);

        var errors = schema.Validate(pruned).Where(error => error.Type != FieldErrorType.FieldNotDeclared).ToList();
        var stored = errors.Count == 0 ? schema.ApplyDefaults(pruned) : pruned;
        if (CalicoGroups.Contains(resource.Group))
        {
            var reported = errors.Select(error => error.ToString()).ToHashSet(StringComparer.Ordinal);
            errors.AddRange(CalicoSemanticValidator.Validate(stored).Where(error => reported.Add(error.ToString())));
        }
        return new ObjectValidation(stored, errors.Select(Cause).ToList(), unknown);
    }

    /// <summary>A field error as a Status cause: Kubernetes' reason, the error without its field, and the field (<c>&lt;nil&gt;</c> for none, as Go prints a nil path).</summary>
    public static StatusCause Cause(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var field = error.Field.Length == 0 ? "<nil>" : error.Field;
        var text = error.ToString();
        var body = text.StartsWith(field + ": ", StringComparison.Ordinal) ? text[(field.Length + 2)..] : text;
        var reason = error.Type switch
        {
            FieldErrorType.NotFound => "FieldValueNotFound",
            FieldErrorType.Required => "FieldValueRequired",
            FieldErrorType.Duplicate => "FieldValueDuplicate",
            FieldErrorType.NotSupported => "FieldValueNotSupported",
            FieldErrorType.Forbidden => "FieldValueForbidden",
            FieldErrorType.TooLong => "FieldValueTooLong",
            FieldErrorType.TooMany => "FieldValueTooMany",
            FieldErrorType.Internal => "InternalError",
            FieldErrorType.TypeInvalid => "FieldValueTypeInvalid",
            _ => "FieldValueInvalid",
        };
        return new StatusCause(reason, body, field);
    }
}
