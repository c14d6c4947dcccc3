using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace TicketMaster.Hosting.Mail;

/// <summary>Where composed messages leave: one open connection (or folder) for one batch.</summary>
public interface IMailOut : IAsyncDisposable
{
    Task Send(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>Opens the configured <see cref="IMailOut"/>: the SMTP relay, or the pickup folder without one.</summary>
public static class MailOut
{
    /// <summary>Whether <paramref name="error"/> means the server refused this mail itself (retrying cannot help), not that it was out of reach.</summary>
    public static bool IsPermanent(Exception error) => error switch
    {
        SmtpCommandException command => (int)command.StatusCode >= 500
            && command.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.SenderNotAccepted or SmtpErrorCode.MessageNotAccepted,
        ParseException => true,
        _ => false,
    };

    public static async Task<IMailOut> Open(SmtpSettings smtp, MailSenderSettings settings, CancellationToken cancellationToken)
    {
        if (!smtp.UsesRelay) return new Pickup(settings.PickupDirectory);
        var client = new SmtpClient();
        try
        {
            var security = smtp.Security switch
            {
                SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
                SmtpSecurity.None => SecureSocketOptions.None,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            return new Relay(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>An SMTP relay through MailKit.</summary>
    private sealed class Relay(SmtpClient client) : IMailOut
    {
        public Task Send(MimeMessage message, CancellationToken cancellationToken) => client.SendAsync(message, cancellationToken);

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected) await client.DisconnectAsync(quit: true, CancellationToken.None);
            }
            catch (Exception)
            {
                // The messages it accepted are accepted; a failed goodbye changes nothing.
            }
            client.Dispose();
        }
    }

    /// <summary>
    /// The embedded default: each message as an .eml file named after its Message-ID, written aside
    /// and then moved, so a reader never sees half a file and a second try replaces the first.
    /// </summary>
    private sealed class Pickup(string directory) : IMailOut
    {
        public async Task Send(MimeMessage message, CancellationToken cancellationToken)
        {
            Directory.CreateDirectory(directory);
            var name = message.MessageId!.Split('@')[0];
            var partial = Path.Combine(directory, $"{name}.tmp");
            await message.WriteToAsync(partial, cancellationToken);
            File.Move(partial, Path.Combine(directory, $"{name}.eml"), overwrite: true);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
