using System.Diagnostics.CodeAnalysis;
using System.Net.Mail;
using System.Text;

namespace TicketMaster.WebFrontend.Accounts;

public static class EmailAddress
{
    /// <summary>
    /// The address as stored: Unicode NFKC (a full-width 'ｆ' is an 'f') and trimmed; null when it
    /// is not valid Unicode text (a lone surrogate), which no address can be.
    /// </summary>
    public static string? Canonical(string? email)
    {
        if (email is null) return null;
        try
        {
            return email.Normalize(NormalizationForm.FormKC).Trim();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The account grain key: one account per address whatever its case or compatibility form.</summary>
    public static string Normalize(string email) =>
        Canonical(email) is { } canonical
            // Lower case can leave a form NFKC would write differently, so normalise once more.
            ? canonical.ToLowerInvariant().Normalize(NormalizationForm.FormKC)
            : email.Trim().ToLowerInvariant();

    public static bool IsValid([NotNullWhen(true)] string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 254) return false;
        var trimmed = email.Trim();
        if (!MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed) return false;
        return parsed.Host.Contains('.', StringComparison.Ordinal) || parsed.Host == "localhost";
    }
}
