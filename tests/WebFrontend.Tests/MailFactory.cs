using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using netDumbster.smtp;
using TicketMaster.Grains.Persistence;
using TicketMaster.Grains.Tests;
using TicketMaster.Hosting.Mail;
using TicketMaster.Mail;

namespace TicketMaster.WebFrontend.Tests;

/// <summary>
/// The embedded default sending through a real SMTP server in this process (netDumbster) on a free
/// port, polling and retrying fast so tests see mail within moments. The server can be stopped
/// and started again on the same port, as a relay that goes down and comes back; the journals
/// (memory) can be made to fail an append, as a database that refuses one write.
/// </summary>
public sealed class MailFactory : ApiFactory
{
    public int SmtpPort { get; } = FreePort();

    public SimpleSmtpServer Smtp { get; private set; }

    public FaultyJournal Journals { get; } = new();

    /// <summary>Idle, so mail goes at <c>Mail:MaxPerSecond</c> however busy the machine running the tests is.</summary>
    public SetMachineLoad Machine { get; } = new();

    public MailFactory() => Smtp = SimpleSmtpServer.Start(SmtpPort);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Smtp:Security", "None");
        builder.UseSetting("Smtp:From", "TicketMaster <tickets@tests.example>");
        builder.UseSetting("Mail:PollInterval", "00:00:00.050");
        builder.UseSetting("Mail:RetryMin", "00:00:00.100");
        builder.UseSetting("Mail:RetryMax", "00:00:00.500");
        builder.UseSetting("Mail:SiteUrl", "https://tickets.tests.example");
        builder.UseSetting("Mail:MaxPerSecond", "100");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IJournalStorage>(sp => Journals.Over(new MemoryJournalStorage(sp.GetRequiredService<IGrainFactory>())));
            services.AddSingleton<IMachineLoad>(Machine);
        });
    }

    public void StopSmtp() => Smtp.Stop();

    public void StartSmtp()
    {
        Smtp.Dispose();
        Smtp = SimpleSmtpServer.Start(SmtpPort);
    }

    /// <summary>Every message the server received for <paramref name="to"/>, parsed.</summary>
    public List<MimeMessage> MailTo(string to) =>
        [.. Smtp.ReceivedEmail
            .Where(m => m.ToAddresses.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase)))
            .Select(m => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Data))))];

    /// <summary>Mails still waiting in the outbox, over every shard.</summary>
    public async Task<int> Waiting()
    {
        var grains = Services.GetRequiredService<IGrainFactory>();
        var counts = await Task.WhenAll(Enumerable.Range(0, MailShards.Count).Select(shard => grains.GetGrain<IMailOutboxGrain>(shard).Waiting()));
        return counts.Sum();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Smtp.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class MailCollection : ICollectionFixture<MailFactory>
{
    public const string Name = "mail";
}
