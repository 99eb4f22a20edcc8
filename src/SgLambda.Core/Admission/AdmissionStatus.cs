namespace SgLambda.Core.Admission;

/// <summary>The <c>meta/v1.Status</c> subset a rejection carries: the API server shows the message to the user.</summary>
public sealed record AdmissionStatus(int Code, string Message);
