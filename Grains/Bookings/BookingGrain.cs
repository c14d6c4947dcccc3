using Microsoft.Extensions.DependencyInjection;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketMaster.Accounts;
using TicketMaster.Bookings;
using TicketMaster.Events;
using TicketMaster.Grains.Payments;
using TicketMaster.Grains.Persistence;

namespace TicketMaster.Grains.Bookings;

/// <summary>
/// Pay and confirm, as a small saga whose every step is durable or repeatable: pin the hold,
/// charge with the booking id as the payment's idempotency key, mark the seats sold, issue the
/// tickets. Not reentrant, so a replay that arrives while the first call runs waits and then
/// reads the first call's answer; a replay after a crash resumes from the stage stored.
/// </summary>
public sealed class BookingGrain(
    [PersistentState("booking", StorageNames.Grains)] IPersistentState<BookingState> state,
    IPaymentGateway payments,
    [FromKeyedServices(BookingClock.Key)] TimeProvider time,
    IOptions<BookingOptions> options,
    ILogger<BookingGrain> logger) : Grain, IBookingGrain
{
    private GrainPersistence _persistence = null!;

    private string BookingId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _persistence = new GrainPersistence($"booking '{BookingId}'", state.WriteStateAsync, DeactivateOnIdle, logger);
        return Task.CompletedTask;
    }

    /// <summary>A failed write leaves memory ahead of storage: the activation goes, and a retry resumes from the stored stage.</summary>
    private Task Save() => _persistence.Durable();

    public async Task<BookResult> Book(BookCommand command)
    {
        _persistence.EnsureCurrent();
        var booking = state.State;
        if (booking.Stage != BookingStage.New && (booking.ReservationId != command.ReservationId || booking.UserId != command.UserId))
        {
            return new BookResult(BookStatus.KeyReused);
        }
        switch (booking.Stage)
        {
            case BookingStage.Confirmed or BookingStage.Cancelled:
                return new BookResult(BookStatus.Confirmed, ToBooking());
            case BookingStage.Declined:
                return new BookResult(BookStatus.PaymentDeclined);
        }

        var eventId = ReservationIds.EventIdOf(command.ReservationId);
        if (eventId is null) return new BookResult(BookStatus.ReservationNotFound);
        var eventGrain = GrainFactory.GetGrain<IEventGrain>(eventId);

        if (booking.Stage is BookingStage.New or BookingStage.Charging)
        {
            var pinned = await eventGrain.Pin(command.ReservationId, command.UserId, BookingId);
            if (pinned.Status != HoldStatus.Ok) return Refusal(pinned.Status);

            booking.Stage = BookingStage.Charging;
            booking.UserId = command.UserId;
            booking.ReservationId = command.ReservationId;
            booking.Reservation = pinned.Reservation;
            booking.CreatedAt = time.GetUtcNow();
            await Save();

            var charged = await Charge(command.PaymentToken, pinned.Reservation!);
            if (charged is null)
            {
                GrainMetrics.PaymentFailures.Add(1, new KeyValuePair<string, object?>("reason", "timeout"));
                GrainMetrics.Payments.Add(1, new KeyValuePair<string, object?>("outcome", "timeout"));
                await eventGrain.Unpin(command.ReservationId, BookingId);
                booking.Stage = BookingStage.New;
                await Save();
                return new BookResult(BookStatus.PaymentTimedOut);
            }
            if (!charged.Approved)
            {
                GrainMetrics.PaymentFailures.Add(1, new KeyValuePair<string, object?>("reason", "declined"));
                GrainMetrics.Payments.Add(1, new KeyValuePair<string, object?>("outcome", "declined"));
                await eventGrain.Unpin(command.ReservationId, BookingId);
                booking.Stage = BookingStage.Declined;
                await Save();
                return new BookResult(BookStatus.PaymentDeclined, DeclineReason: charged.DeclineReason);
            }
            GrainMetrics.Payments.Add(1, new KeyValuePair<string, object?>("outcome", "charged"));
            booking.ChargeId = charged.ChargeId;
            booking.Stage = BookingStage.Charged;
            await Save();
        }

        var confirmed = await eventGrain.Confirm(command.ReservationId, BookingId);
        if (confirmed.Status != HoldStatus.Ok)
        {
            // Unreachable while the pin holds; if the seats are gone anyway, the money goes back.
            await payments.Refund(booking.ChargeId!, CancellationToken.None);
            booking.Stage = BookingStage.Cancelled;
            await Save();
            return new BookResult(BookStatus.ReservationGone);
        }

        booking.Tickets = IssueTickets(booking.Reservation!);
        booking.Stage = BookingStage.Confirmed;
        await Save();
        await GrainFactory.GetGrain<IUserGrain>(booking.UserId).AddBooking(BookingId);
        return new BookResult(BookStatus.Confirmed, ToBooking());
    }

    public Task<Booking?> Get()
    {
        if (state.State.Stage is BookingStage.Confirmed or BookingStage.Cancelled) return Task.FromResult<Booking?>(ToBooking());
        // Nothing to show: an id someone made up, or a booking not yet confirmed; either way no reason to stay in memory.
        if (state.State.Stage == BookingStage.New) DeactivateOnIdle();
        return Task.FromResult<Booking?>(null);
    }

    public async Task<CancelResult> Cancel(string userId)
    {
        _persistence.EnsureCurrent();
        var booking = state.State;
        if (booking.Stage is not (BookingStage.Confirmed or BookingStage.Cancelled))
        {
            if (booking.Stage == BookingStage.New) DeactivateOnIdle();
            return new CancelResult(CancelStatus.NotFound);
        }
        if (booking.UserId != userId) return new CancelResult(CancelStatus.Forbidden);
        if (booking.Stage == BookingStage.Cancelled) return new CancelResult(CancelStatus.Cancelled, ToBooking());

        var eventId = ReservationIds.EventIdOf(booking.ReservationId)!;
        var startsAt = (await GrainFactory.GetGrain<IEventGrain>(eventId).GetView())?.StartsAt;
        if (startsAt is { } start && time.GetUtcNow() >= start) return new CancelResult(CancelStatus.TooLate);

        await payments.Refund(booking.ChargeId!, CancellationToken.None);
        await GrainFactory.GetGrain<IEventGrain>(eventId).ReturnSeats(booking.ReservationId, BookingId);
        booking.Stage = BookingStage.Cancelled;
        await Save();
        return new CancelResult(CancelStatus.Cancelled, ToBooking());
    }

    public async Task<bool> RefundCancelledEvent()
    {
        _persistence.EnsureCurrent();
        var booking = state.State;
        if (booking.Stage == BookingStage.Cancelled) return true;
        // Charged: the event confirmed the sale but this grain died before it noted so; the money goes back all the same.
        if (booking.Stage is not (BookingStage.Confirmed or BookingStage.Charged)) return false;

        await payments.Refund(booking.ChargeId!, CancellationToken.None);
        booking.Stage = BookingStage.Cancelled;
        await Save();
        return true;
    }

    /// <summary>The gateway's answer, or null when it timed out.</summary>
    private async Task<PaymentResult?> Charge(string token, Reservation reservation)
    {
        using var timeout = new CancellationTokenSource(options.Value.PaymentTimeout);
        try
        {
            return await payments.Charge(new PaymentRequest(BookingId, token, reservation.Total, reservation.Currency), timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return null;
        }
    }

    private List<Ticket> IssueTickets(Reservation reservation) =>
        reservation.Seats
            .Select((seat, i) => new Ticket($"{BookingId}-{i + 1}", seat.SeatId, seat.SectionId, TicketCode()))
            .ToList();

    /// <summary>128 random bits: a code printed on the ticket that nobody can guess from another.</summary>
    private static string TicketCode() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private static BookResult Refusal(HoldStatus status) => status switch
    {
        HoldStatus.NotFound => new BookResult(BookStatus.ReservationNotFound),
        HoldStatus.Forbidden => new BookResult(BookStatus.Forbidden),
        HoldStatus.Gone => new BookResult(BookStatus.ReservationGone),
        _ => new BookResult(BookStatus.ReservationInUse),
    };

    private Booking ToBooking()
    {
        var booking = state.State;
        var reservation = booking.Reservation!;
        return new Booking(BookingId, reservation.EventId, booking.UserId, booking.ReservationId,
            booking.Stage == BookingStage.Cancelled ? BookingStatus.Cancelled : BookingStatus.Confirmed,
            reservation.Total, reservation.Currency, booking.Tickets, booking.CreatedAt);
    }
}
