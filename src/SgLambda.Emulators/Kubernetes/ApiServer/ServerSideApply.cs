using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>
/// Server-side apply (<c>PATCH</c> with <c>application/apply-patch+yaml</c>) over the ownership model of
/// <see cref="FieldOwnership"/>: the applied configuration's fields become the applier's; a field another
/// manager owns with a different value is a conflict (409) unless forced, which moves the field to the
/// applier; fields the applier applied before and no longer applies are removed unless someone else owns them.
/// </summary>
public static class ServerSideApply
{
    /// <summary>
    /// The object after applying <paramref name="applied"/> to <paramref name="live"/> (null to create), with its
    /// <c>metadata.managedFields</c> updated. Throws <see cref="StatusException"/> (409) on conflicts.
    /// </summary>
    public static JsonObject Apply(
        JsonObject? live, JsonObject applied, string manager, bool force, string apiVersion, string time, bool statusIsSubresource)
    {
        ArgumentNullException.ThrowIfNull(applied);
        var appliedFields = FieldOwnership.FieldsOf(applied, statusIsSubresource);
        var entries = live is null ? [] : FieldOwnership.ReadEntries(live);

        if (live is not null)
        {
            var conflicts = new List<(ManagedFieldsEntry Owner, ManagedFieldPath Field)>();
            foreach (var entry in entries.Where(entry => !entry.SameOwner(manager, ManagedFieldsEntry.Apply)))
            {
                foreach (var field in entry.Fields.Where(appliedFields.Contains))
                {
                    if (!JsonNode.DeepEquals(FieldOwnership.ValueAt(live, field), FieldOwnership.ValueAt(applied, field)))
                        conflicts.Add((entry, field));
                }
            }
            if (conflicts.Count > 0)
            {
                if (!force) throw new StatusException(ConflictStatus(conflicts));
                var lost = conflicts.ToLookup(conflict => conflict.Owner, conflict => conflict.Field);
                entries = entries.Select(entry => entry with { Fields = entry.Fields.Except(lost[entry]) }).ToList();
            }
        }

        var result = live is null
            ? new JsonObject { ["apiVersion"] = applied["apiVersion"]?.DeepClone(), ["kind"] = applied["kind"]?.DeepClone(), ["metadata"] = new JsonObject() }
            : (JsonObject)live.DeepClone();
        var previous = entries.FirstOrDefault(entry => entry.SameOwner(manager, ManagedFieldsEntry.Apply))?.Fields ?? [];
        var ownedByOthers = entries.Where(entry => !entry.SameOwner(manager, ManagedFieldsEntry.Apply)).SelectMany(entry => entry.Fields).ToHashSet();
        foreach (var dropped in previous.Except(appliedFields).Where(field => !ownedByOthers.Contains(field)))
        {
            FieldOwnership.RemoveAt(result, dropped);
        }
        foreach (var field in appliedFields)
        {
            FieldOwnership.SetAt(result, field, FieldOwnership.ValueAt(applied, field));
        }
        if (applied["metadata"] is JsonObject appliedMetadata && result["metadata"] is JsonObject resultMetadata)
        {
            foreach (var identity in new[] { "name", "namespace", "uid", "resourceVersion" })
            {
                if (appliedMetadata[identity] is { } identityValue) resultMetadata[identity] = identityValue.DeepClone();
            }
        }

        var index = entries.FindIndex(entry => entry.SameOwner(manager, ManagedFieldsEntry.Apply));
        var unchanged = index >= 0 && entries[index].Fields.SetEquals(appliedFields);
        var updated = new ManagedFieldsEntry(manager, ManagedFieldsEntry.Apply, apiVersion,
            unchanged ? entries[index].Time : time, appliedFields);
        if (index >= 0) entries[index] = updated;
        else entries.Add(updated);
        FieldOwnership.WriteEntries(result, entries);
        return result;
    }

    private static JsonObject ConflictStatus(List<(ManagedFieldsEntry Owner, ManagedFieldPath Field)> conflicts)
    {
        var ordered = conflicts
            .OrderBy(conflict => conflict.Owner.Describe(), StringComparer.Ordinal)
            .ThenBy(conflict => conflict.Field.ToString(), StringComparer.Ordinal)
            .ToList();
        var causes = ordered
            .Select(conflict => new StatusCause("FieldManagerConflict", $"conflict with {conflict.Owner.Describe()}", conflict.Field.ToString()))
            .ToImmutableArray();
        string message;
        if (ordered.Count == 1)
        {
            message = $"Apply failed with 1 conflict: conflict with {ordered[0].Owner.Describe()}: {ordered[0].Field}";
        }
        else
        {
            var lines = ordered.GroupBy(conflict => conflict.Owner.Describe(), StringComparer.Ordinal)
                .SelectMany(group => new[] { $"conflicts with {group.Key}:" }.Concat(group.Select(conflict => $"- {conflict.Field}")));
            message = $"Apply failed with {ordered.Count} conflicts: {string.Join("\n", lines)}";
        }
        return KubernetesStatus.ApplyConflict(causes, message);
    }
}
