using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TicketMaster.Accounts;

namespace TicketMaster.WebFrontend.Accounts;

public sealed class TokenIssuer(IOptions<JwtSettings> settings, SigningKey key, TimeProvider time)
{
    public (string Token, DateTimeOffset ExpiresAt) Issue(UserIdentity user)
    {
        var expiresAt = time.GetUtcNow() + settings.Value.TokenLifetime;
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, user.UserId),
            new(JwtRegisteredClaimNames.Email, user.Email),
            new(JwtRegisteredClaimNames.Name, user.DisplayName),
        };
        claims.AddRange(user.Roles.Select(role => new Claim(ClaimNames.Role, role)));
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = settings.Value.Issuer,
            Audience = settings.Value.Audience,
            IssuedAt = time.GetUtcNow().UtcDateTime,
            NotBefore = time.GetUtcNow().UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256),
        });
        return (token, expiresAt);
    }
}

/// <summary>The key tokens are signed with: from configuration, or made up for the embedded default.</summary>
public sealed record SigningKey(SymmetricSecurityKey Key);

public static class ClaimNames
{
    public const string Role = "role";
}
