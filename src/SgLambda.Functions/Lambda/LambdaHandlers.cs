namespace SgLambda.Functions.Lambda;

/// <summary>
/// The functions the bootstrap can run, picked by the handler string: the managed runtime's form
/// (<c>SgLambda.Functions::SgLambda.Functions.ChangeHandler::HandleAsync</c>), so one template serves both
/// runtimes, or the type's short name (<c>ChangeHandler</c>, <c>Reconciler</c>, <c>AdmissionWebhook</c>).
/// </summary>
public static class LambdaHandlers
{
    private const string AssemblyName = "SgLambda.Functions";
    private const string MethodName = "HandleAsync";

    // Explicit constructors, not reflection: the AOT bootstrap is trimmed.
    private static readonly Dictionary<string, Func<FunctionComposition, LambdaHandler>> Functions = new(StringComparer.Ordinal)
    {
        [nameof(ChangeHandler)] = c => new ChangeHandler(c.Settings.Config, c.Engine, c.Logger, c.Time, c.EventQueue).InvokeAsync,
        [nameof(Reconciler)] = c => new Reconciler(c.Engine, c.Logger, c.Time).InvokeAsync,
        [nameof(AdmissionWebhook)] = c => AdmissionWebhook.Create(c).InvokeAsync,
    };

    /// <summary>The handler strings accepted, in the managed runtime's form.</summary>
    public static IEnumerable<string> Names => Functions.Keys.Select(type => $"{AssemblyName}::{AssemblyName}.{type}::{MethodName}");

    /// <summary>
    /// Builds the function the handler string names over <paramref name="compose"/>'s ports. A bad handler
    /// string throws <see cref="ConfigurationException"/> before anything is composed.
    /// </summary>
    public static LambdaHandler Create(string? handler, Func<FunctionComposition> compose)
    {
        ArgumentNullException.ThrowIfNull(compose);
        var create = Resolve(handler);
        return create(compose());
    }

    /// <summary>The bootstrap's function: <c>_HANDLER</c> over the production composition.</summary>
    public static LambdaHandler FromEnvironment() =>
        Create(Environment.GetEnvironmentVariable(EnvironmentVariables.Handler), FunctionComposition.FromEnvironment);

    private static Func<FunctionComposition, LambdaHandler> Resolve(string? handler)
    {
        if (string.IsNullOrWhiteSpace(handler))
            throw new ConfigurationException(EnvironmentVariables.Handler, $"required: one of {string.Join(", ", Names)}");
        var parts = handler.Trim().Split("::");
        var type = parts switch
        {
            [var name] => name,
            [AssemblyName, var name, MethodName] => name,
            _ => null,
        };
        if (type is not null && type.StartsWith(AssemblyName + ".", StringComparison.Ordinal)) type = type[(AssemblyName.Length + 1)..];
        return type is not null && Functions.TryGetValue(type, out var create)
            ? create
            : throw new ConfigurationException(EnvironmentVariables.Handler, $"unknown handler '{handler}': expected one of {string.Join(", ", Names)} (or the type's short name)");
    }
}
