namespace SgLambda.Diagnostics.Evaluation;

/// <summary>Which side of a flow a verdict is about: the source's egress or the destination's ingress.</summary>
public enum TrafficDirection
{
    Egress,
    Ingress,
}
