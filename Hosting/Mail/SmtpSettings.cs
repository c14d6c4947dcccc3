using Microsoft.Extensions.Options;
using MimeKit;

namespace TicketMaster.Hosting.Mail;

/// <summary>How a relay is reached (<c>Smtp:StartTls</c> on 587 is what most relays ask for).</summary>
public enum SmtpSecurity
{
    StartTls,
    Tls,
    None,
}

/// <summary>
/// Section <c>Smtp</c>: the relay mail leaves through. Without <see cref="Host"/> nothing is sent
/// over the network and mails are written to <c>Mail:PickupDirectory</c> instead (the embedded default).
/// </summary>
public sealed class SmtpSettings
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "TicketMaster <tickets@ticketmaster.localhost>";

    public bool UsesRelay => !string.IsNullOrWhiteSpace(Host);

    /// <summary>The one place the rules live; each message names its key.</summary>
    public sealed class Validation : IValidateOptions<SmtpSettings>
    {
        public ValidateOptionsResult Validate(string? name, SmtpSettings options)
        {
            var failures = new List<string>();
            if (options.Port is < 1 or > 65535) failures.Add($"Configuration '{Section}:{nameof(Port)}' is {options.Port}; expected a TCP port from 1 to 65535.");
            if (!MailboxAddress.TryParse(options.From, out _)) failures.Add($"Configuration '{Section}:{nameof(From)}' is not a mail address (for example 'TicketMaster <tickets@example.com>').");
            if (!string.IsNullOrEmpty(options.UserName) && string.IsNullOrEmpty(options.Password)) failures.Add($"Configuration '{Section}:{nameof(Password)}' is required with '{Section}:{nameof(UserName)}'.");
            if (!Enum.IsDefined(options.Security)) failures.Add($"Configuration '{Section}:{nameof(Security)}' must be StartTls, Tls or None.");
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
