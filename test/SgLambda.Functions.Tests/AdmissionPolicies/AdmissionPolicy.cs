using System.Text.Json.Nodes;
using SgLambda.Emulators.Kubernetes;
using SgLambda.Emulators.Kubernetes.Cel;
using SgLambda.Functions.Tests.Template;

namespace SgLambda.Functions.Tests.AdmissionPolicies;

/// <summary>
/// A ValidatingAdmissionPolicy of infra/cluster, evaluated as the API server evaluates it (match conditions,
/// then variables in order, then each validation), with the emulator's CEL interpreter.
/// </summary>
internal sealed class AdmissionPolicy
{
    private readonly List<CelExpression> _matchConditions = [];
    private readonly List<(string Name, CelExpression Expression)> _variables = [];
    private readonly List<(CelExpression Expression, string Message)> _validations = [];

    private AdmissionPolicy(JsonNode spec)
    {
        string[] declared = ["object", "oldObject", "request", "namespaceObject", "variables", "params", "authorizer"];
        foreach (var condition in spec["matchConditions"]?.AsArray() ?? [])
            _matchConditions.Add(CelParser.Parse(condition!["expression"]!.GetValue<string>(), declared));
        foreach (var variable in spec["variables"]?.AsArray() ?? [])
            _variables.Add((variable!["name"]!.GetValue<string>(), CelParser.Parse(variable["expression"]!.GetValue<string>(), declared)));
        foreach (var validation in spec["validations"]!.AsArray())
            _validations.Add((CelParser.Parse(validation!["expression"]!.GetValue<string>(), declared), validation["message"]!.GetValue<string>()));
    }

    /// <summary>Reads the policy document of an infra/cluster file, with envsubst's substitutions made first.</summary>
    public static AdmissionPolicy Load(string fileName, IReadOnlyDictionary<string, string>? substitutions = null)
    {
        var text = RepositoryFiles.Read("infra", "cluster", fileName);
        foreach (var (name, value) in substitutions ?? new Dictionary<string, string>()) text = text.Replace("${" + name + "}", value, StringComparison.Ordinal);
        var policy = YamlToJson.ReadDocuments(text).Single(d => d!["kind"]!.GetValue<string>() == "ValidatingAdmissionPolicy")!;
        return new AdmissionPolicy(policy["spec"]!);
    }

    /// <summary>Null when the request is admitted, else the message of the first validation that fails.</summary>
    public string? Decide(JsonNode request, JsonNode? @object, JsonNode? oldObject = null, JsonNode? namespaceObject = null)
    {
        var scope = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["object"] = CelEvaluator.FromJson(@object),
            ["oldObject"] = CelEvaluator.FromJson(oldObject),
            ["request"] = CelEvaluator.FromJson(request),
            ["namespaceObject"] = CelEvaluator.FromJson(namespaceObject),
        };
        if (_matchConditions.Any(condition => CelEvaluator.Evaluate(condition, scope) is false)) return null;
        var variables = new JsonObject();
        scope["variables"] = variables;
        foreach (var (name, expression) in _variables) variables[name] = ToJson(CelEvaluator.Evaluate(expression, scope));
        foreach (var (expression, message) in _validations)
        {
            if (CelEvaluator.Evaluate(expression, scope) is not true) return message;
        }
        return null;
    }

    private static JsonNode? ToJson(object value) => value switch
    {
        JsonObject map => map.DeepClone(),
        IReadOnlyList<object> list => new JsonArray([.. list.Select(ToJson)]),
        CelNull => null,
        bool b => JsonValue.Create(b),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        string s => JsonValue.Create(s),
        _ => throw new InvalidOperationException($"unexpected CEL value {value}"),
    };
}
