using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using SgLambda.Emulators.Kubernetes.ApiServer;

namespace SgLambda.Emulators.Tests.Kubernetes.ApiServer;

/// <summary>Laws of server-side apply over any history of applies and updates by other managers.</summary>
public class ServerSideApplyLaws
{
    private const string Time = "2026-01-01T00:00:00Z";

    private sealed record Write(string Manager, bool IsApply, JsonObject Config);

    private static Gen<JsonObject> Configs() =>
        from labels in Gen.SubListOf("a", "b", "c")
        from labelValues in Gen.ListOf(Gen.Elements("x", "y"), labels.Count)
        from spec in Gen.SubListOf("order", "selector", "types")
        from specValues in Gen.ListOf(Gen.Elements(1, 2), spec.Count)
        select Config(labels.Zip(labelValues), spec.Zip(specValues));

    private static JsonObject Config(IEnumerable<(string Key, string Value)> labels, IEnumerable<(string Field, int Value)> spec)
    {
        var labelMap = new JsonObject();
        foreach (var (key, value) in labels) labelMap[key] = value;
        var specMap = new JsonObject();
        foreach (var (field, value) in spec) specMap[field] = value;
        var metadata = new JsonObject { ["name"] = "x" };
        if (labelMap.Count > 0) metadata["labels"] = labelMap;
        var config = new JsonObject { ["apiVersion"] = "crd.projectcalico.org/v1", ["kind"] = "Tier", ["metadata"] = metadata };
        if (specMap.Count > 0) config["spec"] = specMap;
        return config;
    }

    private static Gen<Write> Writes() =>
        from manager in Gen.Elements("helm", "kubectl-edit", "sglambda")
        from isApply in Gen.Elements(true, false)
        from config in Configs()
        select new Write(manager, isApply, config);

    private static JsonObject? Replay(IEnumerable<Write> history)
    {
        JsonObject? live = null;
        foreach (var write in history)
        {
            if (write.IsApply)
            {
                live = ServerSideApply.Apply(live, write.Config, write.Manager, force: true, "crd.projectcalico.org/v1", Time, statusIsSubresource: true);
            }
            else
            {
                var updated = (JsonObject)JsonMergePatch.Apply(live ?? new JsonObject(), write.Config)!;
                FieldOwnership.WriteEntries(updated, FieldOwnership.RecordUpdate(live, updated, write.Manager, "crd.projectcalico.org/v1", Time, true));
                live = updated;
            }
        }
        return live;
    }

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property A_forced_apply_wins_owns_exactly_what_it_applied_and_is_idempotent()
    {
        var cases = from history in Gen.ListOf(Writes()) from config in Configs() select (history, config);
        return Prop.ForAll(cases.ToArbitrary(), testCase =>
        {
            var live = Replay(testCase.history);
            var applied = ServerSideApply.Apply(live, testCase.config, "sglambda", force: true, "crd.projectcalico.org/v1", Time, true);
            var fields = FieldOwnership.FieldsOf(testCase.config, true);
            var wins = fields.All(field => JsonNode.DeepEquals(FieldOwnership.ValueAt(applied, field), FieldOwnership.ValueAt(testCase.config, field)));
            // An entry that would own nothing is dropped, as the API server drops it.
            var owned = FieldOwnership.ReadEntries(applied).SingleOrDefault(entry => entry.SameOwner("sglambda", ManagedFieldsEntry.Apply))?.Fields ?? [];
            var owns = owned.SetEquals(fields);
            var again = ServerSideApply.Apply(applied, testCase.config, "sglambda", force: false, "crd.projectcalico.org/v1", Time, true);
            return wins && owns && JsonNode.DeepEquals(again, applied);
        });
    }

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Without_force_an_apply_either_conflicts_or_leaves_others_values_alone()
    {
        var cases = from history in Gen.ListOf(Writes()) from config in Configs() select (history, config);
        return Prop.ForAll(cases.ToArbitrary(), testCase =>
        {
            var live = Replay(testCase.history);
            try
            {
                var applied = ServerSideApply.Apply(live, testCase.config, "sglambda", force: false, "crd.projectcalico.org/v1", Time, true);
                // Success: every field another manager owns kept its value or was set to the same value.
                return FieldOwnership.ReadEntries(live ?? [])
                    .Where(entry => !entry.SameOwner("sglambda", ManagedFieldsEntry.Apply))
                    .SelectMany(entry => entry.Fields)
                    .All(field => JsonNode.DeepEquals(FieldOwnership.ValueAt(applied, field), FieldOwnership.ValueAt(live!, field)));
            }
            catch (StatusException conflict)
            {
                return conflict.Code == 409 && conflict.Status["details"]!["causes"]!.AsArray().Count > 0;
            }
        });
    }
}
