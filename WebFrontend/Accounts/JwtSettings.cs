namespace TicketMaster.WebFrontend.Accounts;

/// <summary>Configuration section <c>Jwt</c>.</summary>
public sealed class JwtSettings
{
    public const string Section = "Jwt";

    /// <summary>HMAC-SHA256 key of 256+ bits (see SigningKeyStrength). Required except in the embedded default.</summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "ticketmaster";

    public string Audience { get; set; } = "ticketmaster";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);
}
