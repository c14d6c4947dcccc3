namespace TicketMaster.Accounts;

/// <summary>Who a signed-in user is: what the access token says.</summary>
[GenerateSerializer, Immutable, Alias("UserIdentity")]
public sealed record UserIdentity(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Email,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] IReadOnlyList<string> Roles);

public static class Roles
{
    /// <summary>Everything, on everyone's catalog.</summary>
    public const string Admin = "admin";

    /// <summary>Creates venues, performers and events, and runs what they created.</summary>
    public const string Organiser = "organiser";

    /// <summary>Scans tickets at the door.</summary>
    public const string Scanner = "scanner";

    /// <summary>Every role an admin may give; a fan has none.</summary>
    public static readonly IReadOnlyList<string> All = [Admin, Organiser, Scanner];
}
