namespace SgLambda.Core.Events;

/// <summary>
/// Stops reading an event that is not what AWS sends; <see cref="EventClassifier"/> turns it into a skip
/// reason ("malformed event: ..."), so it never leaves the classifier.
/// </summary>
internal sealed class MalformedEventException(string problem) : Exception(problem);
