using System.Net;

namespace SgLambda.Diagnostics.Evaluation;

/// <summary>
/// A pod as Calico sees it: a workload endpoint with one IP and the labels the pod carries (SG
/// membership labels written by the admission webhook, e.g. <c>sg.aws.tigera.io/sg-123: ""</c>).
/// </summary>
public sealed record Pod(string Namespace, string Name, IPAddress Ip, IReadOnlyDictionary<string, string> Labels)
{
    public override string ToString() => $"pod {Namespace}/{Name} ({Ip})";
}
