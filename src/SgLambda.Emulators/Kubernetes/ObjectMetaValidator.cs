using System.Text.Json;
using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Kubernetes;

/// <summary>
/// Validates <c>metadata</c> as the API server does for every custom resource (apimachinery's
/// <c>ValidateObjectMetaAccessor</c> with <c>NameIsDNSSubdomain</c>): the CRD schema does not describe it.
/// </summary>
public static class ObjectMetaValidator
{
    /// <summary>Kubernetes' limit on the total size of an object's annotations (keys plus values).</summary>
    public const int TotalAnnotationSizeLimitBytes = 256 * 1024;

    private static readonly HashSet<string> ObjectMetaFields = new(StringComparer.Ordinal)
    {
        "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation",
        "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations",
        "ownerReferences", "finalizers", "managedFields",
    };

    public static IReadOnlyList<FieldError> Validate(JsonNode? metadata, bool namespaced)
    {
        const string path = "metadata";
        var errors = new List<FieldError>();
        if (metadata is not JsonObject meta)
        {
            if (metadata is null) errors.Add(FieldError.Required(path));
            else errors.Add(FieldError.TypeInvalid(path, JsonTypes.Name(metadata), path + " in body must be of type object: " + FieldError.GoQuote(JsonTypes.Name(metadata))));
            return errors;
        }

        foreach (var (key, _) in meta)
        {
            if (!ObjectMetaFields.Contains(key)) errors.Add(FieldError.NotDeclared(FieldPath.Child(path, key)));
        }

        var name = StringField(meta, "name", path, errors);
        var generateName = StringField(meta, "generateName", path, errors);
        if (string.IsNullOrEmpty(name))
        {
            if (string.IsNullOrEmpty(generateName)) errors.Add(FieldError.Required("metadata.name", "name or generateName is required"));
        }
        else
        {
            foreach (var problem in KubernetesNames.IsDns1123Subdomain(name)) errors.Add(FieldError.Invalid("metadata.name", name, problem));
        }

        var ns = StringField(meta, "namespace", path, errors);
        if (namespaced)
        {
            if (string.IsNullOrEmpty(ns)) errors.Add(FieldError.Required("metadata.namespace"));
            else foreach (var problem in KubernetesNames.IsDns1123Label(ns)) errors.Add(FieldError.Invalid("metadata.namespace", ns, problem));
        }
        else if (!string.IsNullOrEmpty(ns))
        {
            errors.Add(FieldError.Forbidden("metadata.namespace", "not allowed on this type"));
        }

        if (StringMap(meta, "labels", path, errors) is { } labels)
        {
            foreach (var (key, value) in labels)
            {
                foreach (var problem in KubernetesNames.IsQualifiedName(key)) errors.Add(FieldError.Invalid("metadata.labels", key, problem));
                foreach (var problem in KubernetesNames.IsValidLabelValue(value)) errors.Add(FieldError.Invalid("metadata.labels", value, problem));
            }
        }

        if (StringMap(meta, "annotations", path, errors) is { } annotations)
        {
            errors.AddRange(ValidateAnnotations(annotations, "metadata.annotations"));
        }

        return errors;
    }

    /// <summary>Annotation keys are qualified names (checked lower-cased, as Kubernetes does); total size is limited.</summary>
    public static IEnumerable<FieldError> ValidateAnnotations(IReadOnlyList<KeyValuePair<string, string>> annotations, string path)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        long totalSize = 0;
        foreach (var (key, value) in annotations)
        {
            foreach (var problem in KubernetesNames.IsQualifiedName(key.ToLowerInvariant())) yield return FieldError.Invalid(path, key, problem);
            totalSize += key.Length + value.Length;
        }
        if (totalSize > TotalAnnotationSizeLimitBytes) yield return FieldError.TooLong(path, TotalAnnotationSizeLimitBytes);
    }

    private static string? StringField(JsonObject meta, string name, string parent, List<FieldError> errors)
    {
        var value = meta[name];
        if (value is null) return null;
        if (value.GetValueKind() == JsonValueKind.String) return value.GetValue<string>();
        var field = FieldPath.Child(parent, name);
        errors.Add(FieldError.TypeInvalid(field, JsonTypes.Name(value), field + " in body must be of type string: " + FieldError.GoQuote(JsonTypes.Name(value))));
        return null;
    }

    private static List<KeyValuePair<string, string>>? StringMap(JsonObject meta, string name, string parent, List<FieldError> errors)
    {
        var value = meta[name];
        if (value is null) return null;
        var field = FieldPath.Child(parent, name);
        if (value is not JsonObject map)
        {
            errors.Add(FieldError.TypeInvalid(field, JsonTypes.Name(value), field + " in body must be of type object: " + FieldError.GoQuote(JsonTypes.Name(value))));
            return null;
        }
        var entries = new List<KeyValuePair<string, string>>();
        foreach (var (key, entry) in map)
        {
            if (entry is not null && entry.GetValueKind() == JsonValueKind.String)
            {
                entries.Add(new(key, entry.GetValue<string>()));
                continue;
            }
            var entryPath = FieldPath.Key(field, key);
            errors.Add(FieldError.TypeInvalid(entryPath, JsonTypes.Name(entry), entryPath + " in body must be of type string: " + FieldError.GoQuote(JsonTypes.Name(entry))));
        }
        return entries;
    }
}
