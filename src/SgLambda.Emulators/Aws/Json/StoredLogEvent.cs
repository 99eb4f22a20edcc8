namespace SgLambda.Emulators.Aws.Json;

/// <summary>One log event as the emulator keeps it.</summary>
internal sealed record StoredLogEvent(string Stream, long Timestamp, string Message, int Sequence);
