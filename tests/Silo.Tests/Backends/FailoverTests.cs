using System.Collections.Concurrent;
using System.Diagnostics;
using Xunit.Abstractions;
using TicketMaster.Bookings;
using TicketMaster.Events;
using TicketMaster.Grains.Events;

namespace TicketMaster.Silo.Tests.Backends;

[Collection(BackendCollection.Name)]
public sealed class FailoverTests(BackendFixtures backends, ITestOutputHelper output)
{
    private const int Rows = 15;
    private const int SeatsPerRow = 20;
    private const int Buyers = 24;
    private const int TicketsPerBooking = 2;

    [Theory]
    [InlineData("Postgres")]
    [InlineData("AzureStorage")]
    public async Task A_silo_killed_mid_sale_sells_no_seat_twice_loses_no_confirmed_booking_and_the_event_serves_again_elsewhere(string backendName)
    {
        var backend = await backends.Get(backendName);
        var clusterId = BackendCluster.NewId("cluster");
        await using var cluster = await BackendCluster.StartAsync(backend, BackendCluster.NewId("svc"), silos: 3, clusterId: clusterId);
        await Eventually.True(async () => await backend.SilosWithStatus(clusterId, SiloStatus.Active) == 3, TimeSpan.FromSeconds(20), "three silos active in the membership table");

        var eventId = await TestEvents.CreateSeatedAsync(cluster.Client, Rows, SeatsPerRow);
        var grain = cluster.Client.GetGrain<IEventGrain>(eventId);
        Assert.True(cluster.TryGetGrainContext(grain.GetGrainId(), out var activation));
        var victim = cluster.GetSiloForAddress(activation.Address.SiloAddress!)!;

        var sale = new Sale(cluster.Client, eventId);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var buyers = Enumerable.Range(0, Buyers).Select(_ => Task.Run(() => sale.Buyer(stop.Token))).ToArray();

        var bookings = Rows * SeatsPerRow / TicketsPerBooking;
        await Eventually.True(() => Task.FromResult(sale.Confirmed.Count >= bookings / 4), TimeSpan.FromSeconds(60), "a quarter of the event sold before the kill");
        var soldBeforeKill = sale.Confirmed.Count;
        var sinceKill = Stopwatch.StartNew();
        await cluster.KillSiloAsync(victim);

        // Within seconds the event answers again, from an activation on a surviving silo.
        await Eventually.Succeeds(() => grain.GetView(), TimeSpan.FromSeconds(30));
        var servingAgainAfter = sinceKill.Elapsed;
        Assert.True(cluster.TryGetGrainContext(grain.GetGrainId(), out var moved));
        Assert.NotEqual(victim.SiloAddress, moved.Address.SiloAddress);

        await Task.WhenAll(buyers);
        await Eventually.True(async () => await backend.StatusOf(clusterId, victim.SiloAddress) == SiloStatus.Dead, TimeSpan.FromSeconds(30), "the killed silo declared dead in the membership table");

        output.WriteLine($"{backendName}: {sale.Confirmed.Count} bookings confirmed ({soldBeforeKill} before the kill); event served again {servingAgainAfter.TotalSeconds:F1} s after the kill");
        output.WriteLine($"errors seen by buyers: {string.Join(", ", sale.Errors.Select(e => $"{e.Key} x{e.Value}"))}");
        Assert.True(sale.Confirmed.Count > soldBeforeKill, "sales went on after the kill");
        Assert.True(servingAgainAfter < TimeSpan.FromSeconds(20), $"event served again only after {servingAgainAfter}");

        var audit = await grain.Audit();
        Assert.Equal(0, audit.SeatsClaimedTwice);
        Assert.Equal((audit.CountedHeld, audit.CountedSold), (audit.RecountedHeld, audit.RecountedSold));

        // What storage holds, read without the grain (snapshot and journal): every confirmed booking
        // is sold to its booking, and no seat belongs to two holds.
        var stored = await StoredEvent.ReadAsync(cluster, eventId);
        foreach (var booking in sale.Confirmed)
        {
            var serial = int.Parse(booking.ReservationId[(booking.ReservationId.IndexOf('.') + 1)..booking.ReservationId.LastIndexOf('-')], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(stored.State.Sales.TryGetValue(serial, out var sold), $"confirmed {booking.BookingId} is not in storage");
            Assert.Equal((booking.BookingId, TicketsPerBooking), (sold.BookingId, sold.Seats.Length));
            Assert.All(sold.Seats, seat => Assert.Equal(-serial, stored.State.SeatOwners[seat]));
        }
        Assert.Equal(0, stored.Map!.Audit().SeatsClaimedTwice);

        var reread = await Task.WhenAll(sale.Confirmed.Select(b => cluster.Client.GetGrain<IBookingGrain>(b.BookingId).Get()));
        Assert.All(reread, b => Assert.Equal(BookingStatus.Confirmed, b?.Status));
    }

    /// <summary>
    /// Buyers reserving two best-available seats and booking them, until the event is sold out.
    /// A call that fails is retried with the same booking key (the saga resumes, never books twice);
    /// only an answered Confirmed counts as a booking the client was told about.
    /// </summary>
    private sealed class Sale(IGrainFactory grains, string eventId)
    {
        public ConcurrentBag<Booking> Confirmed { get; } = [];

        public ConcurrentDictionary<string, int> Errors { get; } = new();

        public async Task Buyer(CancellationToken stop)
        {
            var seats = grains.GetGrain<IEventGrain>(eventId);
            for (var attempt = 0; !stop.IsCancellationRequested; attempt++)
            {
                // A fan per booking: the per-fan ticket limit is not what this test is about.
                var user = TestEvents.User();
                var reserved = await Retry(() => seats.Reserve(ReserveRequest.BestAvailable(user, "A", TicketsPerBooking)), stop);
                if (reserved is null) continue;
                if (reserved.Status == ReserveStatus.Unavailable) return;
                if (reserved.Status != ReserveStatus.Held) throw new InvalidOperationException($"Reserve answered {reserved.Status}: {reserved.Error}");

                var booking = grains.GetGrain<IBookingGrain>(BookingIds.For(user, $"key-{attempt}"));
                var command = new BookCommand(user, reserved.Reservation!.ReservationId, "tok_visa");
                BookResult? result = null;
                while (result is null && !stop.IsCancellationRequested) result = await Retry(() => booking.Book(command), stop);
                if (result?.Status == BookStatus.Confirmed) Confirmed.Add(result.Booking!);
            }
        }

        /// <summary>The answer, or null when the call failed (and may have happened or not).</summary>
        private async Task<T?> Retry<T>(Func<Task<T>> call, CancellationToken stop) where T : class
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                Errors.AddOrUpdate(e.GetType().Name, 1, (_, n) => n + 1);
                // A client's back-off between retries, not a wait for a condition.
                await Task.Delay(100, CancellationToken.None);
                return null;
            }
        }
    }
}
