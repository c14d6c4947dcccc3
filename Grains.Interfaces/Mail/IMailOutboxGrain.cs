namespace TicketMaster.Mail;

/// <summary>One shard of the mail outbox (key: <see cref="MailShards.Of"/>): mails durably queued until a sender delivered them.</summary>
[Alias("IMailOutboxGrain")]
public interface IMailOutboxGrain : IGrainWithIntegerKey
{
    /// <summary>Queues the mails, once each by id (one already queued or sent is ignored); answers once durable.</summary>
    [Alias("Enqueue")]
    Task Enqueue(IReadOnlyList<OutboxMail> mails);

    /// <summary>Lends up to <paramref name="max"/> due mails to the caller for <paramref name="lease"/>: no other sender gets them meanwhile.</summary>
    [Alias("TakeDue")]
    Task<IReadOnlyList<MailDelivery>> TakeDue(int max, TimeSpan lease);

    /// <summary>The server accepted these mails: they are never lent again.</summary>
    [Alias("MarkSent")]
    Task MarkSent(IReadOnlyList<string> mailIds);

    /// <summary>Delivery failed; <paramref name="permanent"/> (the server refused the mail itself) stops it, anything else retries later with backoff.</summary>
    [Alias("MarkFailed")]
    Task MarkFailed(string mailId, string reason, bool permanent);

    /// <summary>How many mails wait (queued and not yet sent or given up).</summary>
    [Alias("Waiting")]
    Task<int> Waiting();
}
