using System.Text.Json.Nodes;

namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>A request that fails with a Kubernetes <c>Status</c> body (see <see cref="KubernetesStatus"/>).</summary>
public sealed class StatusException : Exception
{
    public StatusException()
        : this(KubernetesStatus.InternalError("unknown error"))
    {
    }

    public StatusException(string message)
        : this(KubernetesStatus.InternalError(message))
    {
    }

    public StatusException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = KubernetesStatus.InternalError(message);
    }

    public StatusException(JsonObject status)
        : base(status?["message"]?.GetValue<string>())
    {
        ArgumentNullException.ThrowIfNull(status);
        Status = status;
    }

    /// <summary>The <c>Status</c> object the API server answers with.</summary>
    public JsonObject Status { get; }

    /// <summary>The HTTP status code (the Status's <c>code</c>).</summary>
    public int Code => Status["code"]!.GetValue<int>();
}
