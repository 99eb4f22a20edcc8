namespace SgLambda.Emulators.Kubernetes.ApiServer;

/// <summary>
/// What a request did, as the API server's audit log and metrics name it: a verb (<c>get</c>, <c>list</c>,
/// <c>create</c>, <c>update</c>, <c>patch</c>, <c>delete</c>, <c>deletecollection</c>), the API group ("" for
/// core) and the resource (with <c>/subresource</c> when there is one).
/// </summary>
public readonly record struct RequestKey(string Verb, string Group, string Resource);
