namespace SgLambda.Diagnostics.Doctor;

/// <summary>How bad a finding is: an error breaks the translation's guarantee, a warning may soon.</summary>
public enum DoctorSeverity
{
    Warning,
    Error,
}
