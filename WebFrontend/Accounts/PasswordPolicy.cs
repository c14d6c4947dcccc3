using System.Collections.Frozen;
using System.Text;

namespace TicketMaster.WebFrontend.Accounts;

/// <summary>
/// New passwords by NIST SP 800-63B: 8 to 128 characters counted as Unicode code points, no
/// composition rules, and none that is on the shipped list of common and breached passwords
/// (common-passwords.txt; source and licence in NOTICE.md), also once the digits and symbols
/// around it are taken off ("password-1"), one repeated character, a run like "abcdefgh", or the
/// account's own email. The list is compared after NFKC and lower case ("PASSWORD1" is "password1").
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    private static readonly Lazy<FrozenSet<string>> s_common = new(LoadCommon);

    /// <summary>Why the password is refused, or null when it may be used.</summary>
    public static string? Check(string? password, string? email = null)
    {
        if (string.IsNullOrEmpty(password)) return "A password is required.";
        if (!IsValidText(password)) return "The password is not valid Unicode text.";
        var runes = password.EnumerateRunes().ToList();
        if (runes.Count < MinLength) return $"The password needs at least {MinLength} characters.";
        if (runes.Count > MaxLength) return $"The password is at most {MaxLength} characters.";
        if (runes.All(Rune.IsWhiteSpace)) return "The password cannot be only spaces.";
        if (runes.Distinct().Count() == 1) return "The password cannot be one character repeated.";
        if (IsRun(runes)) return "The password cannot be a run of consecutive characters.";
        var folded = Fold(password);
        if (s_common.Value.Contains(folded) || s_common.Value.Contains(Core(folded))) return "This password is among the most common or breached passwords; choose another.";
        if (email is not null && (folded == Fold(email) || folded == Fold(email.Split('@')[0]))) return "The password cannot be the email address.";
        return null;
    }

    /// <summary>No lone surrogate: such text would hash like another password.</summary>
    private static bool IsValidText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return false;
        }
        return true;
    }

    /// <summary>"abcdefgh", "87654321": each character one after or one before the last.</summary>
    private static bool IsRun(List<Rune> runes)
    {
        var step = runes[1].Value - runes[0].Value;
        if (step is not (1 or -1)) return false;
        for (var i = 2; i < runes.Count; i++)
        {
            if (runes[i].Value - runes[i - 1].Value != step) return false;
        }
        return true;
    }

    /// <summary>Without the digits and symbols before and after the letters: "password-1" is "password" to a guesser.</summary>
    private static string Core(string folded)
    {
        var runes = folded.EnumerateRunes().ToList();
        var start = runes.FindIndex(Rune.IsLetter);
        if (start < 0) return folded;
        var end = runes.FindLastIndex(Rune.IsLetter);
        return string.Concat(runes.Skip(start).Take(end - start + 1).Select(r => r.ToString()));
    }

    private static string Fold(string text) => text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    private static FrozenSet<string> LoadCommon()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("TicketMaster.WebFrontend.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-passwords list is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0) words.Add(line);
        }
        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
