namespace TicketMaster;

/// <summary>
/// The call did not happen and may be tried again: the grain found its state stale or storage
/// failed. HTTP maps it to 503 with Retry-After.
/// </summary>
[GenerateSerializer, Alias("RetryableException")]
public sealed class RetryableException : Exception
{
    public RetryableException() { }

    public RetryableException(string message) : base(message) { }

    public RetryableException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>
/// A failure of something a call needed that may pass by itself (a search index that did not
/// answer): answered as 503 with Retry-After, like <see cref="RetryableException"/>.
/// </summary>
public interface ITransientFailure;
