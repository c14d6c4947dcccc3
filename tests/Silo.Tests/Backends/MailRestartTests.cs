using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;
using TicketMaster.Bookings;
using TicketMaster.Events;
using TicketMaster.Grains.Mail;
using TicketMaster.Grains.Persistence;
using TicketMaster.Grains.Tests;
using TicketMaster.Mail;

namespace TicketMaster.Silo.Tests.Backends;

/// <summary>The outbox across a whole-cluster stop on PostgreSQL, with the silos' own mail sender and a real SMTP server.</summary>
[Collection(BackendCollection.Name)]
public sealed class MailRestartTests(BackendFixtures backends)
{
    [Fact]
    public async Task A_confirmation_owed_when_the_cluster_stopped_before_handing_it_on_arrives_once_after_the_restart()
    {
        var backend = await backends.Get("Postgres");
        var serviceId = BackendCluster.NewId("svc");
        var clusterId = BackendCluster.NewId("cluster");
        var smtpPort = FreePort();
        using var smtp = SimpleSmtpServer.Start(smtpPort);
        var settings = new Dictionary<string, string?>
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Mail:PollInterval"] = "00:00:00.100",
        };
        var journals = new FaultyJournal();
        var email = $"fan-{Guid.NewGuid():N}@example.com";
        string eventId;

        await using (var first = await BackendCluster.StartAsync(backend, serviceId, clusterId: clusterId, settings: settings, configureSilo: silo =>
        {
            var backendJournals = silo.Services.Last(d => d.ServiceType == typeof(IJournalStorage));
            silo.Services.Remove(backendJournals);
            silo.Services.AddSingleton<IJournalStorage>(sp => journals.Over(
                (IJournalStorage)(backendJournals.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, backendJournals.ImplementationType!))));
        }))
        {
            eventId = await TestEvents.CreateSeatedAsync(first.Client, rows: 5, seatsPerRow: 10);
            var user = TestEvents.User();
            var bookingId = BookingIds.For(user, "mail");
            // The outbox cannot take it in this cluster's life: the mail is owed only in the event's journal.
            journals.FailEveryNthAppend(MailOutboxGrain.JournalName(MailShards.Of(MailShards.ConfirmationOf(bookingId))), 1);
            var held = (await first.Client.GetGrain<IEventGrain>(eventId).Reserve(ReserveRequest.ChosenSeats(user, ["A-1-1"]))).Reservation!;
            var booked = await first.Client.GetGrain<IBookingGrain>(bookingId).Book(new BookCommand(user, held.ReservationId, "tok_visa", email));
            Assert.Equal(BookStatus.Confirmed, booked.Status);
            Assert.Contains(MailShards.ConfirmationOf(bookingId), (await StoredEvent.ReadAsync(first, eventId)).State.MailsToHandOn.Keys);
            await first.StopAllSilosAsync();
        }
        Assert.Empty(smtp.ReceivedEmail);

        await using var second = await BackendCluster.StartAsync(backend, serviceId, clusterId: clusterId, settings: settings);
        // A fan looks at the event: its activation hands on what its journal still owes.
        await second.Client.GetGrain<IEventGrain>(eventId).GetView();

        await Eventually.True(() => Task.FromResult(smtp.ReceivedEmailCount > 0), TimeSpan.FromSeconds(30), "the confirmation arrives");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var mail = Assert.Single(smtp.ReceivedEmail);
        Assert.Equal(email, Assert.Single(mail.ToAddresses).Address);
        Assert.Empty((await StoredEvent.ReadAsync(second, eventId)).State.MailsToHandOn);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
