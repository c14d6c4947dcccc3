using System.Threading.RateLimiting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketMaster.Mail;

namespace TicketMaster.Hosting.Mail;

/// <summary>
/// Delivers what the outbox holds: one worker per shard takes due mails (leased to it, so several
/// silos never send one mail at once), sends them over one connection, and marks them sent once the
/// server accepted them. Never on a booking's path: a relay that is down only delays mail, each try
/// backing off further (Mail:RetryMin, Mail:RetryMax). A sender that dies after the server accepted
/// and before it marked the mail sent leaves it to be sent again: the copy carries the same Message-ID.
/// </summary>
public sealed partial class MailSender(
    IGrainFactory grains,
    IOptions<SmtpSettings> smtp,
    IOptions<MailSenderSettings> settings,
    IMachineLoad machine,
    ILogger<MailSender> logger) : BackgroundService
{
    /// <summary>What one mail costs of the pace while the machine is busy: it then goes at a tenth of the rate.</summary>
    private const int BusyCost = 10;

    /// <summary>Paces every worker of this silo together (<c>Mail:MaxPerSecond</c>), refilled ten times a second.</summary>
    private readonly TokenBucketRateLimiter _pace = new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = Math.Max(BusyCost, settings.Value.MaxPerSecond / 10),
        TokensPerPeriod = Math.Max(1, settings.Value.MaxPerSecond / 10),
        ReplenishmentPeriod = TimeSpan.FromSeconds(Math.Max(1, settings.Value.MaxPerSecond / 10) / (double)settings.Value.MaxPerSecond),
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (smtp.Value.UsesRelay) LogRelay(logger, smtp.Value.Host!, smtp.Value.Port, smtp.Value.Security);
        else LogPickup(logger, PickupFolder);
        var composer = new MailComposer(smtp.Value, settings.Value);
        return Task.WhenAll(Enumerable.Range(0, MailShards.Count).Select(shard => Work(shard, composer, stoppingToken)));
    }

    public override void Dispose()
    {
        _pace.Dispose();
        base.Dispose();
    }

    private string PickupFolder => Path.GetFullPath(settings.Value.PickupDirectory);

    private async Task Work(int shard, MailComposer composer, CancellationToken stoppingToken)
    {
        var outbox = grains.GetGrain<IMailOutboxGrain>(shard);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var due = await outbox.TakeDue(settings.Value.BatchSize, settings.Value.Lease);
                if (due.Count > 0)
                {
                    await Deliver(outbox, due, composer, stoppingToken);
                    continue;
                }
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: the silo may be gone already; what was taken stays leased and comes back.
                return;
            }
            catch (Exception e)
            {
                // The cluster is starting or a shard moved: what was taken stays leased and comes back.
                LogShardFailed(logger, e, shard);
            }
            try
            {
                await Task.Delay(settings.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task Deliver(IMailOutboxGrain outbox, IReadOnlyList<MailDelivery> due, MailComposer composer, CancellationToken stoppingToken)
    {
        var sent = new List<string>(due.Count);
        var next = 0;
        try
        {
            await using var output = await MailOut.Open(smtp.Value, settings.Value, stoppingToken);
            for (; next < due.Count; next++)
            {
                var mail = due[next].Mail;
                var busy = machine.CpuPercent > settings.Value.BusyCpuPercent;
                using var turn = await _pace.AcquireAsync(busy ? BusyCost : 1, stoppingToken);
                try
                {
                    await output.Send(composer.Compose(mail), stoppingToken);
                    sent.Add(mail.MailId);
                }
                catch (Exception e) when (MailOut.IsPermanent(e))
                {
                    await outbox.MarkFailed(mail.MailId, e.Message, permanent: true);
                }
            }
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // Out of reach (or the connection broke): this mail and the rest wait for their next try.
            LogRetry(logger, e, due.Count - next, due[next].Attempt);
            foreach (var delivery in due.Skip(next)) await outbox.MarkFailed(delivery.Mail.MailId, e.Message, permanent: false);
        }
        finally
        {
            if (sent.Count > 0) await outbox.MarkSent(sent);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail leaves through the SMTP relay {Host}:{Port} ({Security})")]
    private static partial void LogRelay(ILogger logger, string host, int port, SmtpSecurity security);

    [LoggerMessage(Level = LogLevel.Information, Message = "No Smtp:Host set: mails are written as .eml files to {Directory} (Mail:PickupDirectory)")]
    private static partial void LogPickup(ILogger logger, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail: {Count} mails not delivered on try {Attempt}; they are tried again later")]
    private static partial void LogRetry(ILogger logger, Exception exception, int count, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail: outbox shard {Shard} did not answer; asking again shortly")]
    private static partial void LogShardFailed(ILogger logger, Exception exception, int shard);
}
