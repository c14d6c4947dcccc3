namespace TicketMaster.Accounts;

/// <summary>
/// A reset link's token: the user id (which finds the account; the mail goes to its owner only) and a
/// random secret whose hash the account keeps. Not the email, which would sit in browser histories and logs.
/// </summary>
public static class PasswordResetTokens
{
    public static string Of(string userId, string secret) => $"{userId}.{secret}";

    public static bool TryParse(string? token, out string userId, out string secret)
    {
        userId = secret = "";
        if (string.IsNullOrEmpty(token) || token.Length > 200) return false;
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == token.Length - 1) return false;
        userId = token[..dot];
        secret = token[(dot + 1)..];
        return true;
    }
}
