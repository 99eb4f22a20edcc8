namespace SgLambda.Functions.Tests.Build;

/// <summary>A handler the managed runtime loads: one static Stream-to-Stream method of that name.</summary>
public static class StreamHandler
{
    public static Task<Stream> HandleAsync(Stream input) => Task.FromResult(input);
}
