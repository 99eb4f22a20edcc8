namespace SgLambda.Emulators.Tests.Lambda;

/// <summary>A clock that always says the same time, so deadlines are exact.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
