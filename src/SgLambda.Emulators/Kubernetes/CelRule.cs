using SgLambda.Emulators.Kubernetes.Cel;

namespace SgLambda.Emulators.Kubernetes;

/// <summary>
/// One <c>x-kubernetes-validations</c> entry, compiled. <see cref="Reason"/> decides the error type
/// (FieldValueInvalid, FieldValueForbidden, FieldValueRequired, FieldValueDuplicate).
/// </summary>
public sealed record CelRule(string Rule, string? Message, string? Reason, string? FieldPath, CelExpression Expression)
{
    /// <summary>Compiles an <c>x-kubernetes-validations</c> entry; throws <see cref="CelCompileException"/> if unsupported.</summary>
    public static CelRule Compile(string rule, string? message, string? messageExpression, string? reason, string? fieldPath)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (messageExpression is not null)
            throw new CelCompileException($"messageExpression is not supported (rule {rule})");
        if (rule.Contains("oldSelf", StringComparison.Ordinal))
            throw new CelCompileException($"transition rules (oldSelf) are not supported (rule {rule})");
        return new CelRule(rule, message, reason, fieldPath, CelParser.Parse(rule, "self"));
    }

    /// <summary>What Kubernetes prints for a failing rule: its message, else the rule text.</summary>
    public string ErrorText => string.IsNullOrWhiteSpace(Message) ? Rule.Trim() : Message.Trim();
}
