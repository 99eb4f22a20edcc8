using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Kubernetes;

/// <summary>One version of a CRD and its <c>openAPIV3Schema</c>, as written in the CRD.</summary>
public sealed record CustomResourceDefinitionVersion(string Name, bool Served, bool Storage, JsonObject OpenApiV3Schema);
