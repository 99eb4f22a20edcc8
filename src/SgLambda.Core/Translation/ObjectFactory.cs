using System.Collections.Immutable;
using SgLambda.Core.Calico;

namespace SgLambda.Core.Translation;

/// <summary>Metadata every rendered object carries: its name and the ownership label.</summary>
public static class ObjectFactory
{
    public static ObjectMeta Meta(
        string name,
        IEnumerable<KeyValuePair<string, string>>? labels = null,
        IEnumerable<KeyValuePair<string, string>>? annotations = null)
    {
        var allLabels = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (labels is not null) allLabels.AddRange(labels);
        allLabels[LabelKeys.ManagedBy] = LabelKeys.ManagedByValue;
        var allAnnotations = annotations is null
            ? null
            : ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, annotations);
        return new ObjectMeta
        {
            Name = name,
            Labels = allLabels.ToImmutable(),
            Annotations = allAnnotations is { Count: > 0 } ? allAnnotations : null,
        };
    }
}
