using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>
/// The field-ownership model behind <c>metadata.managedFields</c>, at the granularity the emulator tracks
/// (<see cref="ManagedFieldPath"/>): top-level fields, the children of top-level objects, label and annotation keys,
/// and other metadata fields. Real server-side apply tracks every leaf and list item; this is coarser but
/// keeps the same rules (who owns what, conflicts on a changed value, removal of fields an applier drops).
/// </summary>
public static class FieldOwnership
{
    private static readonly HashSet<string> SystemMetadata = new(StringComparer.Ordinal)
    {
        "name", "namespace", "generateName", "uid", "resourceVersion", "generation", "creationTimestamp",
        "deletionTimestamp", "deletionGracePeriodSeconds", "managedFields", "selfLink",
    };

    /// <summary>The fields <paramref name="value"/> sets (null values count as unset).</summary>
    public static ImmutableHashSet<ManagedFieldPath> FieldsOf(JsonObject value, bool statusIsSubresource)
    {
        ArgumentNullException.ThrowIfNull(value);
        var fields = ImmutableHashSet.CreateBuilder<ManagedFieldPath>();
        foreach (var (name, node) in value)
        {
            if (node is null || name is "apiVersion" or "kind") continue;
            if (name == "status" && statusIsSubresource) continue;
            if (name == "metadata")
            {
                if (node is not JsonObject metadata) continue;
                foreach (var (field, child) in metadata)
                {
                    if (child is null || SystemMetadata.Contains(field)) continue;
                    if (field is "labels" or "annotations" && child is JsonObject keys)
                    {
                        foreach (var (key, keyValue) in keys)
                        {
                            if (keyValue is not null) fields.Add(new ManagedFieldPath("metadata", field, key));
                        }
                    }
                    else fields.Add(new ManagedFieldPath("metadata", field));
                }
                continue;
            }
            if (node is JsonObject map && map.Count > 0)
            {
                foreach (var (child, childValue) in map)
                {
                    if (childValue is not null) fields.Add(new ManagedFieldPath(name, child));
                }
            }
            else fields.Add(new ManagedFieldPath(name));
        }
        return fields.ToImmutable();
    }

    /// <summary>The value at <paramref name="path"/>, or null when absent.</summary>
    public static JsonNode? ValueAt(JsonObject value, ManagedFieldPath path)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(path);
        JsonNode? node = value;
        foreach (var segment in path.Segments) node = (node as JsonObject)?[segment];
        return node;
    }

    /// <summary>Sets <paramref name="path"/> to a copy of <paramref name="fieldValue"/>, creating parent objects.</summary>
    public static void SetAt(JsonObject value, ManagedFieldPath path, JsonNode? fieldValue)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(path);
        var parent = value;
        foreach (var segment in path.Segments.Take(path.Segments.Count - 1))
        {
            if (parent[segment] is not JsonObject child)
            {
                child = [];
                parent[segment] = child;
            }
            parent = child;
        }
        parent[path.Segments[^1]] = fieldValue?.DeepClone();
    }

    /// <summary>Removes <paramref name="path"/>; label and annotation maps left empty are dropped, as ObjectMeta omits them.</summary>
    public static void RemoveAt(JsonObject value, ManagedFieldPath path)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(path);
        var parents = new List<JsonObject> { value };
        foreach (var segment in path.Segments.Take(path.Segments.Count - 1))
        {
            if (parents[^1][segment] is not JsonObject child) return;
            parents.Add(child);
        }
        parents[^1].Remove(path.Segments[^1]);
        if (path.Segments is ["metadata", "labels" or "annotations", _] && parents[^1].Count == 0)
            parents[^2].Remove(path.Segments[1]);
    }

    /// <summary>The entries of <c>metadata.managedFields</c>, at the emulator's granularity.</summary>
    public static List<ManagedFieldsEntry> ReadEntries(JsonObject value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var entries = new List<ManagedFieldsEntry>();
        if (value["metadata"]?["managedFields"] is not JsonArray array) return entries;
        foreach (var item in array.OfType<JsonObject>())
        {
            var manager = item["manager"]?.GetValue<string>() ?? "";
            entries.Add(new ManagedFieldsEntry(
                manager,
                item["operation"]?.GetValue<string>() ?? ManagedFieldsEntry.Update,
                item["apiVersion"]?.GetValue<string>(),
                item["time"]?.GetValue<string>(),
                FromFieldsV1(item["fieldsV1"] as JsonObject),
                item["subresource"]?.GetValue<string>()));
        }
        return entries;
    }

    /// <summary>Writes <paramref name="entries"/> (those that own something) to <c>metadata.managedFields</c>.</summary>
    public static void WriteEntries(JsonObject value, IEnumerable<ManagedFieldsEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(entries);
        var array = new JsonArray();
        foreach (var entry in entries.Where(entry => entry.Fields.Count > 0))
        {
            var item = new JsonObject { ["manager"] = entry.Manager, ["operation"] = entry.Operation };
            if (entry.ApiVersion is not null) item["apiVersion"] = entry.ApiVersion;
            if (entry.Time is not null) item["time"] = entry.Time;
            item["fieldsType"] = "FieldsV1";
            item["fieldsV1"] = ToFieldsV1(entry.Fields);
            if (entry.Subresource is not null) item["subresource"] = entry.Subresource;
            array.Add((JsonNode)item);
        }
        var metadata = value["metadata"] as JsonObject;
        if (metadata is null)
        {
            metadata = [];
            value["metadata"] = metadata;
        }
        if (array.Count == 0) metadata.Remove("managedFields");
        else metadata["managedFields"] = array;
    }

    /// <summary>The FieldsV1 form: <c>{"f:spec":{"f:order":{}},"f:metadata":{"f:labels":{"f:app":{}}}}</c>.</summary>
    public static JsonObject ToFieldsV1(IEnumerable<ManagedFieldPath> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var root = new JsonObject();
        foreach (var field in fields.OrderBy(field => field.ToString(), StringComparer.Ordinal))
        {
            var node = root;
            foreach (var segment in field.Segments)
            {
                var key = "f:" + segment;
                if (node[key] is not JsonObject child)
                {
                    child = [];
                    node[key] = child;
                }
                node = child;
            }
        }
        return root;
    }

    /// <summary>
    /// Reads FieldsV1 at the emulator's granularity: deeper paths (list items, nested fields, <c>"."</c>) count
    /// as ownership of the tracked field that contains them.
    /// </summary>
    public static ImmutableHashSet<ManagedFieldPath> FromFieldsV1(JsonObject? fieldsV1)
    {
        var fields = ImmutableHashSet.CreateBuilder<ManagedFieldPath>();
        if (fieldsV1 is null) return fields.ToImmutable();
        foreach (var (topKey, topValue) in fieldsV1)
        {
            if (!topKey.StartsWith("f:", StringComparison.Ordinal)) continue;
            var top = topKey[2..];
            var children = (topValue as JsonObject)?.Where(child => child.Key.StartsWith("f:", StringComparison.Ordinal)).ToList() ?? [];
            if (top == "metadata")
            {
                foreach (var (childKey, childValue) in children)
                {
                    var field = childKey[2..];
                    if (field is "labels" or "annotations")
                    {
                        foreach (var key in (childValue as JsonObject ?? []).Select(pair => pair.Key).Where(key => key.StartsWith("f:", StringComparison.Ordinal)))
                            fields.Add(new ManagedFieldPath("metadata", field, key[2..]));
                    }
                    else if (!SystemMetadata.Contains(field)) fields.Add(new ManagedFieldPath("metadata", field));
                }
                continue;
            }
            if (children.Count == 0) fields.Add(new ManagedFieldPath(top));
            foreach (var (childKey, _) in children) fields.Add(new ManagedFieldPath(top, childKey[2..]));
        }
        return fields.ToImmutable();
    }

    /// <summary>
    /// Ownership after a non-apply write (create, update, merge or JSON patch) by <paramref name="manager"/>:
    /// it takes every field whose value it set or changed, other managers lose those fields, and fields it
    /// removed are owned by nobody.
    /// </summary>
    public static List<ManagedFieldsEntry> RecordUpdate(
        JsonObject? before, JsonObject after, string manager, string apiVersion, string time, bool statusIsSubresource)
    {
        ArgumentNullException.ThrowIfNull(after);
        var entries = before is null ? [] : ReadEntries(before);
        var oldFields = before is null ? [] : FieldsOf(before, statusIsSubresource);
        var newFields = FieldsOf(after, statusIsSubresource);
        var changed = newFields.Where(field => !oldFields.Contains(field)
            || !JsonNode.DeepEquals(ValueAt(before!, field), ValueAt(after, field))).ToImmutableHashSet();
        var removed = oldFields.Except(newFields);
        if (changed.IsEmpty && removed.IsEmpty) return entries;

        var taken = changed.Union(removed);
        var result = entries.Select(entry => entry with { Fields = entry.Fields.Except(taken) }).ToList();
        var index = result.FindIndex(entry => entry.SameOwner(manager, ManagedFieldsEntry.Update) && entry.Subresource is null);
        if (index < 0)
        {
            if (!changed.IsEmpty) result.Add(new ManagedFieldsEntry(manager, ManagedFieldsEntry.Update, apiVersion, time, changed));
        }
        else if (!changed.IsEmpty)
        {
            result[index] = result[index] with { ApiVersion = apiVersion, Time = time, Fields = result[index].Fields.Union(changed) };
        }
        return result.Where(entry => entry.Fields.Count > 0).ToList();
    }
}
