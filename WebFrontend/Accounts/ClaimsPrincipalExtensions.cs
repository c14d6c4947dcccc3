using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace TicketMaster.WebFrontend.Accounts;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in user's id; endpoints that call it require authorisation, so it is present.</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(JwtRegisteredClaimNames.Sub) ?? throw new InvalidOperationException("No user id in the token.");

    /// <summary>The signed-in user's email, where their mail goes; null for a token issued without one.</summary>
    public static string? Email(this ClaimsPrincipal user) => user.FindFirstValue(JwtRegisteredClaimNames.Email);
}
