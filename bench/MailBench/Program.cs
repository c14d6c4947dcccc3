using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using netDumbster.smtp;
using TicketMaster.Bookings;
using TicketMaster.Catalog;
using TicketMaster.Events;
using TicketMaster.Hosting;

// Confirmations end to end: N fans each book one seat of one event through the booking saga (memory
// storage), and the silo's mail sender delivers every confirmation, with its QR code, to an SMTP
// server on loopback (netDumbster, in this process). Measures how long until the server holds all
// N, and checks each fan got exactly one. With "nomail" the same bookings carry no address, for the
// booking rate without mail beside it. Usage: dotnet run -c Release --project bench/MailBench -- [fans] [batchSize] [nomail]
var fans = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var batchSize = args.Length > 1 ? args[1] : "50";
var withMail = !(args.Length > 2 && args[2] == "nomail");
const int Concurrency = 64;

var smtpPort = FreePort();
using var smtp = SimpleSmtpServer.Start(smtpPort);
var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Orleans:Storage"] = "Memory",
    ["Orleans:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
    ["Orleans:GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
    ["Booking:HoldDuration"] = "02:00:00",
    ["Smtp:Host"] = "127.0.0.1",
    ["Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
    ["Smtp:Security"] = "None",
    ["Mail:BatchSize"] = batchSize,
    ["Mail:PollInterval"] = "00:00:00.200",
});
builder.UseOrleans(silo => silo.ConfigureTicketMaster(builder.Configuration));
using var host = builder.Build();
await host.StartAsync();
var grains = host.Services.GetRequiredService<IGrainFactory>();

var rows = (fans + 99) / 100;
var venue = new Venue("ven_mail_" + Guid.NewGuid().ToString("N"), "Bench Hall", "Berlin", "Street 1", [SectionDefinition.Seated("A", "Floor", rows, 100)]);
await grains.GetGrain<IVenueGrain>(venue.VenueId).Save(venue);
var eventId = "evt_mail_" + Guid.NewGuid().ToString("N");
var eventGrain = grains.GetGrain<IEventGrain>(eventId);
var created = await eventGrain.Create(new EventDefinition("Mail Bench Night", "", "concert", DateTimeOffset.UtcNow.AddMonths(2), venue.VenueId, [],
    [new SectionPrice("A", 50m, "EUR")], MaxTicketsPerFan: 1000));
if (created.Status != EventCommandStatus.Ok) throw new InvalidOperationException($"Creating the event failed: {created.Status}");

Console.WriteLine($"Mail bench, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {fans:N0} fans booking one seat each ({Concurrency} at a time), " +
    (withMail ? $"Mail:BatchSize {batchSize}, SMTP server netDumbster on loopback" : "no addresses (no mail)"));
var clock = Stopwatch.StartNew();
var next = -1;
await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
{
    int i;
    while ((i = Interlocked.Increment(ref next)) < fans)
    {
        var user = $"u_bench_{i}";
        var seat = $"A-{i / 100 + 1}-{i % 100 + 1}";
        var held = await eventGrain.Reserve(ReserveRequest.ChosenSeats(user, [seat]));
        if (held.Status != ReserveStatus.Held) throw new InvalidOperationException($"Reserve {seat}: {held.Status}");
        var booked = await grains.GetGrain<IBookingGrain>(BookingIds.For(user, "mail-bench"))
            .Book(new BookCommand(user, held.Reservation!.ReservationId, "tok_visa", withMail ? $"fan{i}@bench.example" : null));
        if (booked.Status != BookStatus.Confirmed) throw new InvalidOperationException($"Book {seat}: {booked.Status}");
    }
}));
var booked = clock.Elapsed;
Console.WriteLine($"booked:    {fans:N0} in {booked.TotalSeconds:F1} s ({fans / booked.TotalSeconds:N0} bookings/s)");
if (!withMail)
{
    await host.StopAsync();
    return 0;
}

var deadline = TimeSpan.FromMinutes(10);
while (smtp.ReceivedEmailCount < fans && clock.Elapsed < deadline) await Task.Delay(100);
var delivered = clock.Elapsed;
// Long enough for any second copy to show.
await Task.Delay(TimeSpan.FromSeconds(2));
var mails = smtp.ReceivedEmail;
var recipients = mails.SelectMany(m => m.ToAddresses).Select(a => a.Address).ToList();
var messageIds = mails.Select(m => m.Headers["Message-ID"]).Distinct().Count();
Console.WriteLine($"delivered: {smtp.ReceivedEmailCount:N0} mails {delivered.TotalSeconds:F1} s after the first booking " +
    $"({(delivered - booked).TotalSeconds:F1} s after the last), {mails.Length / delivered.TotalSeconds:N0} mails/s overall; " +
    $"average size {mails.Average(m => m.Data.Length) / 1024:F1} KB");
Console.WriteLine($"once each: {recipients.Distinct().Count():N0} distinct recipients of {recipients.Count:N0} mails, {messageIds:N0} distinct Message-IDs");
await host.StopAsync();
return recipients.Count == fans && recipients.Distinct().Count() == fans ? 0 : 1;

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
