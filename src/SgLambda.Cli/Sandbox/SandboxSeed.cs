using System.Text.Json.Nodes;
using SgLambda.Core.Configuration;

namespace SgLambda.Cli.Sandbox;

/// <summary>What a seeded account comes with: SgLambda's configuration for it and the cluster's objects before SgLambda (Nodes).</summary>
internal sealed record SandboxSeed(SgLambdaConfig Config, IReadOnlyList<JsonObject> ClusterObjects);
