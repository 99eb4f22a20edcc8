namespace SgLambda.Core.Ports;

/// <summary>Where the change handler parks an event for the next batch (the SQS change queue).</summary>
public interface IEventQueue
{
    Task SendAsync(string eventJson, CancellationToken cancellationToken);
}
