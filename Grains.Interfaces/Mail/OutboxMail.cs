namespace TicketMaster.Mail;

/// <summary>
/// One mail to send. <see cref="MailId"/> is stable for its cause (a booking confirmed once has one
/// id however often it is handed on), so the outbox keeps it once and the sender derives the
/// Message-ID from it: a retry or a duplicate after a crash is recognisable as the same mail.
/// </summary>
[GenerateSerializer, Immutable, Alias("OutboxMail")]
public sealed record OutboxMail(
    [property: Id(0)] string MailId,
    [property: Id(1)] string To,
    [property: Id(2)] MailContent Content,
    [property: Id(3)] DateTimeOffset QueuedAt);
