using Microsoft.Extensions.Options;

namespace TicketMaster.Hosting.Mail;

/// <summary>Section <c>Mail</c>, the sender's part: where mails go without a relay, how often the outbox is polled, and the site links point to.</summary>
public sealed class MailSenderSettings
{
    public const string Section = "Mail";

    /// <summary>Where mails are written as .eml files when <c>Smtp:Host</c> is not set; named in the start log.</summary>
    public string PickupDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "ticketmaster-mail");

    /// <summary>How long an idle sender waits before it asks its outbox shard again.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Mails taken from a shard at once and sent over one connection.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// Most mails this silo composes and sends a second, over all its shards' workers: composing a
    /// confirmation (its QR codes above all) takes CPU the silo's bookings need during a hot on-sale,
    /// and relays cap senders' rates too. Mail waits; the sale does not.
    /// </summary>
    public int MaxPerSecond { get; set; } = 250;

    /// <summary>
    /// Above this CPU use of the machine (Orleans' filtered figure) the sender goes at a tenth of
    /// <see cref="MaxPerSecond"/>: during a hot on-sale mail yields the cores to the bookings, and
    /// catches up once the sale calms. Never slower than that tenth, so a busy silo still sends.
    /// </summary>
    public double BusyCpuPercent { get; set; } = 70;

    /// <summary>How long a taken mail is this sender's alone; past it (the sender died) another sends it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The site's public address, for links in mails (a reset link); never taken from a request, which anyone can forge.</summary>
    public string SiteUrl { get; set; } = "http://localhost:5000";

    public sealed class Validation : IValidateOptions<MailSenderSettings>
    {
        public ValidateOptionsResult Validate(string? name, MailSenderSettings options)
        {
            var failures = new List<string>();
            if (string.IsNullOrWhiteSpace(options.PickupDirectory)) failures.Add($"Configuration '{Section}:{nameof(PickupDirectory)}' must name a folder.");
            if (options.PollInterval <= TimeSpan.Zero) failures.Add($"Configuration '{Section}:{nameof(PollInterval)}' must be above 0.");
            if (options.BatchSize is < 1 or > 1000) failures.Add($"Configuration '{Section}:{nameof(BatchSize)}' must be 1 to 1000.");
            if (options.MaxPerSecond is < 1 or > 100_000) failures.Add($"Configuration '{Section}:{nameof(MaxPerSecond)}' must be 1 to 100000.");
            if (options.BusyCpuPercent is < 0 or > 100) failures.Add($"Configuration '{Section}:{nameof(BusyCpuPercent)}' must be 0 to 100.");
            if (options.Lease < TimeSpan.FromSeconds(5)) failures.Add($"Configuration '{Section}:{nameof(Lease)}' must be at least 5 seconds.");
            if (!Uri.TryCreate(options.SiteUrl, UriKind.Absolute, out var site) || (site.Scheme != Uri.UriSchemeHttp && site.Scheme != Uri.UriSchemeHttps))
            {
                failures.Add($"Configuration '{Section}:{nameof(SiteUrl)}' must be an absolute http or https address.");
            }
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
