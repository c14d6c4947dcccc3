namespace TicketMaster.Mail;

/// <summary>A mail lent to one sender for a while; <see cref="Attempt"/> counts from 1.</summary>
[GenerateSerializer, Immutable, Alias("MailDelivery")]
public sealed record MailDelivery(
    [property: Id(0)] OutboxMail Mail,
    [property: Id(1)] int Attempt);
