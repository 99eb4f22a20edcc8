using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace SgLambda.Emulators.Kubernetes;

/// <summary>
/// Validates custom resources against the CRDs of a directory the way the Kubernetes API server does on a
/// create with <c>fieldValidation=Strict</c> (what kubectl apply uses):
/// <list type="number">
/// <item>the CRD is picked by the <c>apiVersion</c> group and version and the <c>kind</c>;</item>
/// <item>nulls in non-nullable fields are dropped and defaults applied (<see cref="StructuralDefaulter"/>);</item>
/// <item><c>metadata</c> is validated as ObjectMeta (<see cref="ObjectMetaValidator"/>);</item>
/// <item>the rest against the version's <c>openAPIV3Schema</c>, converted to JSON Schema
/// (<see cref="OpenApiSchemaConverter"/>) and evaluated with JsonSchema.Net; unknown fields are errors;</item>
/// <item><c>x-kubernetes-list-type</c> sets and maps have no duplicates (<see cref="ListTypeValidator"/>);</item>
/// <item>the <c>x-kubernetes-validations</c> CEL rules hold (<see cref="CelRuleValidator"/>), unless an earlier
/// error would have stopped the API server from running them.</item>
/// </list>
/// All errors are returned. CRDs are read and compiled once, in the constructor: a rule the CEL interpreter
/// cannot run makes the constructor throw rather than be skipped.
/// </summary>
public sealed class CrdSchemaValidator
{
    private static readonly ConcurrentDictionary<string, Lazy<CrdSchemaValidator>> ByDirectory = new(StringComparer.Ordinal);

    // Most objects are valid: a yes/no evaluation first, the detailed one only to explain a failure.
    private static readonly EvaluationOptions Check = Options(OutputFormat.Flag);
    private static readonly EvaluationOptions Explain = Options(OutputFormat.List);

    private readonly Dictionary<(string Group, string Version, string Kind), CompiledCrdVersion> _versions = [];

    public CrdSchemaValidator(string crdDirectory)
    {
        Directory = Path.GetFullPath(crdDirectory);
        Definitions = CustomResourceDefinitionLoader.LoadDirectory(Directory);
        foreach (var definition in Definitions)
        {
            foreach (var version in definition.Versions.Where(version => version.Served))
            {
                _versions[(definition.Group, version.Name, definition.Kind)] = new CompiledCrdVersion(definition, version);
            }
        }
    }

    /// <summary>One shared validator per directory, so the CRDs are loaded and compiled once per process.</summary>
    public static CrdSchemaValidator ForDirectory(string crdDirectory)
    {
        var key = Path.GetFullPath(crdDirectory);
        return ByDirectory.GetOrAdd(key, directory => new Lazy<CrdSchemaValidator>(() => new CrdSchemaValidator(directory))).Value;
    }

    public string Directory { get; }

    public IReadOnlyList<CustomResourceDefinition> Definitions { get; }

    /// <summary>The compiled schemas, one per served version of each CRD.</summary>
    public IEnumerable<CompiledCrdVersion> Versions => _versions.Values;

    /// <summary>Every error the API server would report for creating <paramref name="resource"/>; empty when valid.</summary>
    public IReadOnlyList<FieldError> Validate(JsonNode? resource)
    {
        var (compiled, defaulted, lookupErrors) = Resolve(resource);
        if (compiled is null || defaulted is null) return lookupErrors;

        var errors = new List<FieldError>();
        errors.AddRange(ObjectMetaValidator.Validate(defaulted["metadata"] ?? new JsonObject(), compiled.Definition.Namespaced));
        var instance = JsonSerializer.SerializeToElement(defaulted);
        if (!compiled.Schema.Evaluate(instance, Check).IsValid)
            errors.AddRange(SchemaErrorTranslator.Translate(compiled.Schema.Evaluate(instance, Explain), compiled.JsonSchemaDocument, defaulted));
        errors.AddRange(ListTypeValidator.Validate(defaulted, compiled.Structural));

        if (errors.Any(IsBlocking))
        {
            errors.Add(FieldError.Invalid("", (JsonNode?)null,
                "some validation rules were not checked because the object was invalid; correct the existing errors to complete validation"));
        }
        else
        {
            errors.AddRange(CelRuleValidator.Validate(defaulted, compiled.Structural));
        }
        return errors;
    }

    /// <summary>The object as the API server would store it: nulls of non-nullable fields dropped, defaults applied.</summary>
    public JsonObject ApplyDefaults(JsonNode resource)
    {
        var (_, defaulted, errors) = Resolve(resource);
        return defaulted ?? throw new ArgumentException(string.Join("; ", errors), nameof(resource));
    }

    private (CompiledCrdVersion? Compiled, JsonObject? Defaulted, IReadOnlyList<FieldError> Errors) Resolve(JsonNode? resource)
    {
        if (resource is not JsonObject map)
        {
            var actual = JsonTypes.Name(resource);
            return (null, null, [FieldError.TypeInvalid("", actual, $"in body must be of type object: {FieldError.GoQuote(actual)}")]);
        }

        var apiVersion = map["apiVersion"] is JsonValue version && version.GetValueKind() == JsonValueKind.String ? version.GetValue<string>() : null;
        var kind = map["kind"] is JsonValue kindValue && kindValue.GetValueKind() == JsonValueKind.String ? kindValue.GetValue<string>() : null;
        var missing = new List<FieldError>();
        if (string.IsNullOrEmpty(apiVersion)) missing.Add(FieldError.Required("apiVersion"));
        if (string.IsNullOrEmpty(kind)) missing.Add(FieldError.Required("kind"));
        if (missing.Count > 0) return (null, null, missing);

        var slash = apiVersion!.IndexOf('/', StringComparison.Ordinal);
        var key = slash < 0 ? ("", apiVersion, kind!) : (apiVersion[..slash], apiVersion[(slash + 1)..], kind!);
        if (!_versions.TryGetValue(key, out var compiled))
        {
            return (null, null, [FieldError.Invalid("kind", kind!, $"no matches for kind \"{kind}\" in version \"{apiVersion}\"")]);
        }

        var defaulted = (JsonObject)map.DeepClone();
        StructuralDefaulter.Apply(defaulted, compiled.Structural);
        return (compiled, defaulted, []);
    }

    private static EvaluationOptions Options(OutputFormat format)
    {
        var options = new EvaluationOptions { OutputFormat = format, RequireFormatValidation = true };
        // Only validity matters here; collecting annotations costs a third of the evaluation time.
        options.IgnoreAllAnnotations();
        return options;
    }

    // apiextensions-apiserver's hasBlockingErr: these errors stop the CEL rules from running.
    private static bool IsBlocking(FieldError error) =>
        error.Type is FieldErrorType.NotSupported or FieldErrorType.Required or FieldErrorType.TooLong
            or FieldErrorType.TooMany or FieldErrorType.TypeInvalid;
}
