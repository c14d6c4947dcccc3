using System.Net.Mail;

namespace TicketMaster.WebFrontend.Accounts;

public static class EmailAddress
{
    /// <summary>The account grain key: one account per address whatever its case.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public static bool IsValid(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 254) return false;
        var trimmed = email.Trim();
        if (!MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed) return false;
        return parsed.Host.Contains('.', StringComparison.Ordinal) || parsed.Host == "localhost";
    }
}
