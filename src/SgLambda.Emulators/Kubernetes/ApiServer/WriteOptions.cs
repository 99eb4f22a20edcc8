namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>Query options of a write: <c>dryRun=All</c>, <c>fieldManager</c>, <c>fieldValidation</c>, <c>force</c>.</summary>
/// <param name="DryRun">Validate and answer, but store nothing.</param>
/// <param name="FieldManager">The manager the write's fields are recorded for (required for apply).</param>
/// <param name="FieldValidation"><c>Strict</c>, <c>Warn</c> (the default) or <c>Ignore</c>.</param>
/// <param name="Force">Apply only: take over fields other managers own.</param>
public sealed record WriteOptions(bool DryRun, string FieldManager, string FieldValidation, bool Force)
{
    public const string Strict = "Strict";
    public const string Warn = "Warn";
    public const string Ignore = "Ignore";

    public static WriteOptions For(string fieldManager) => new(false, fieldManager, Warn, false);
}
