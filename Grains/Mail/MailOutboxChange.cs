using TicketMaster.Grains.Persistence;
using TicketMaster.Mail;

namespace TicketMaster.Grains.Mail;

/// <summary>One change of an outbox shard, as its journal stores it.</summary>
[GenerateSerializer, Alias("MailOutboxChange")]
public abstract record MailOutboxChange;

[GenerateSerializer, Immutable, Alias("MailQueued")]
public sealed record MailQueued([property: Id(0)] OutboxMail Mail) : MailOutboxChange;

/// <summary>The mails left the outbox at <see cref="At"/>: sent, or given up (<see cref="Failed"/>).</summary>
[GenerateSerializer, Immutable, Alias("MailsDone")]
public sealed record MailsDone([property: Id(0)] List<string> MailIds, [property: Id(1)] DateTimeOffset At, [property: Id(2)] bool Failed) : MailOutboxChange;

/// <summary>One group-commit batch of an outbox shard: the unit its journal appends.</summary>
[GenerateSerializer, Immutable, Alias("MailOutboxBatch")]
public sealed record MailOutboxBatch([property: Id(0)] List<MailOutboxChange> Changes) : IJournalBatch
{
    public int ChangeCount => Changes.Count;
}
