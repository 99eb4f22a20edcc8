using System.Text.Json.Nodes;

namespace SgLambda.Core.Input;

/// <summary>What a document is checked for beyond the types of its records.</summary>
internal sealed record ShapeRules
{
    /// <summary>
    /// Said when the root is not an object or lacks a required top-level field, e.g. which command prints
    /// the file; null for the generic messages.
    /// </summary>
    public string? RootExpectation { get; init; }

    /// <summary>
    /// True for hand-written files (config.json), where an unknown field is most likely a typo that would
    /// silently keep a default. AWS and kubectl output carry many fields SgLambda ignores.
    /// </summary>
    public bool RejectUnknownFields { get; init; }

    /// <summary>
    /// Checks on string values by JSON field name (each string of an array too): the problem, or null
    /// when the value is fine.
    /// </summary>
    public IReadOnlyDictionary<string, Func<string, string?>> StringChecks { get; init; } =
        new Dictionary<string, Func<string, string?>>(StringComparer.Ordinal);

    /// <summary>Values for top-level fields the file leaves out: the record's declared defaults, serialized.</summary>
    public JsonObject? RootDefaults { get; init; }
}
