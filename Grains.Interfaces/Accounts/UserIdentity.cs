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
    public const string Admin = "admin";

    /// <summary>Admits tickets at the door (entry scanning).</summary>
    public const string Scanner = "scanner";
}
