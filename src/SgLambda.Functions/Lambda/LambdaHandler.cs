namespace SgLambda.Functions.Lambda;

/// <summary>A function as the bootstrap calls it: the event's bytes in, the response's bytes out.</summary>
public delegate Task<Stream> LambdaHandler(Stream input, ILambdaContext context);
