using System.Globalization;

namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>One comma-separated term of a label selector.</summary>
public sealed record LabelSelectorRequirement(string Key, LabelSelectorOperator Operator, IReadOnlyList<string> Values)
{
    /// <summary>Whether an object with these labels satisfies the term (labels.Requirement.Matches).</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var present = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            LabelSelectorOperator.Exists => present,
            LabelSelectorOperator.DoesNotExist => !present,
            LabelSelectorOperator.Equals or LabelSelectorOperator.In => present && Values.Contains(value!, StringComparer.Ordinal),
            LabelSelectorOperator.NotEquals or LabelSelectorOperator.NotIn => !present || !Values.Contains(value!, StringComparer.Ordinal),
            LabelSelectorOperator.GreaterThan => present && Compare(value!) is { } greater && greater > 0,
            LabelSelectorOperator.LessThan => present && Compare(value!) is { } less && less < 0,
            _ => false,
        };
    }

    // A label value that is not an integer never matches gt/lt.
    private int? Compare(string labelValue) =>
        long.TryParse(labelValue, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var actual)
            ? actual.CompareTo(long.Parse(Values[0], CultureInfo.InvariantCulture))
            : null;
}
