namespace SgLambda.Emulators.Lambda;

/// <summary>An error a runtime posted (invocation or init): the error-type header, the content type and the body as sent.</summary>
public sealed record RuntimeErrorReport(string? ErrorType, string? ContentType, string Body);
