namespace SgLambda.Diagnostics.Doctor;

/// <summary>Makes <see cref="Observed{T}"/> values.</summary>
public static class Observation
{
    public static Observed<T> Of<T>(T value) => new(value, null);

    public static Observed<T> Skipped<T>(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(default, reason);
    }
}
