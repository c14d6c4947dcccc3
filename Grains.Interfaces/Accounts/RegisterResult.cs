namespace TicketMaster.Accounts;

[GenerateSerializer, Immutable, Alias("RegisterResult")]
public sealed record RegisterResult(
    [property: Id(0)] bool Created,
    [property: Id(1)] string? UserId);
