using Microsoft.Extensions.Logging;
using TicketMaster.Bookings;
using TicketMaster.Events;
using TicketMaster.Mail;

namespace TicketMaster.Grains.Events;

/// <summary>
/// The event's half of the outbox. A change that owes a mail records it in the same journal append
/// (<see cref="HoldSold.MailTo"/>, <see cref="SaleRefunded.MailTo"/>, <see cref="WaitlistOffered.MailTo"/>, ...); once that append is durable the mail is handed on to its outbox
/// shard, outside any caller's wait, and <see cref="MailsHandedOn"/> is recorded. A crash in between
/// leaves the mail in <see cref="EventState.MailsToHandOn"/>, handed on again by the next activation
/// (woken by a reminder if nothing else calls); the outbox keeps a mail id once, so that is harmless.
/// </summary>
public sealed partial class EventGrain
{
    private const string MailReminder = "hand-on-mail";

    /// <summary>
    /// Owed mails whose change is durable and that no pass is handing on: only these may leave (a change
    /// still in its batch could be lost with it). An activation starts with all it loaded.
    /// </summary>
    private readonly HashSet<string> _mailsReady = [];

    private Task? _handingOn;
    private bool _mailReminderSet;

    /// <summary>
    /// Registered before the first sale that owes a mail, so no crash can fall between the sale and a
    /// wake-up. A failure only costs that wake-up (the next activation still hands on), never the sale.
    /// </summary>
    private async Task EnsureMailReminder()
    {
        if (_mailReminderSet) return;
        try
        {
            await this.RegisterOrUpdateReminder(MailReminder, RefundRetryPeriod, RefundRetryPeriod);
            _mailReminderSet = true;
        }
        catch (Exception e) when (e is not RetryableException)
        {
            LogReminderFailed(logger, e, EventId);
        }
    }

    private async Task ReceiveMailReminder()
    {
        if (State.MailsToHandOn.Count > 0)
        {
            HandOnMails();
            return;
        }
        if (OffersMayOweMail) return;
        // Cleared in this turn, so a sale arriving while the reminder goes registers it again.
        _mailReminderSet = false;
        if (await this.GetReminder(MailReminder) is { } reminder) await this.UnregisterReminder(reminder);
    }

    /// <summary>
    /// A fan who left an address waits, and offers are still made (not cancelled, not started): one may be made at any
    /// moment, in a commit that cannot await a registration, so the reminder stays.
    /// </summary>
    private bool OffersMayOweMail => Map is not null && !State.Cancelled && Now < State.Definition!.StartsAt && Map.WaitlistOwesMail;

    /// <summary>After an append: the mails it made durable are ready to leave.</summary>
    private void NoteMails(HashSet<int> owed, bool moved)
    {
        if (owed.Count == 0 && !moved) return;
        foreach (var (id, mail) in State.MailsToHandOn)
        {
            if (owed.Contains(mail.Serial) || (moved && mail.Kind == OwedMail.EventMoved)) _mailsReady.Add(id);
        }
        HandOnMails();
    }

    /// <summary>Starts a hand-on pass unless one runs; it goes on until nothing is ready.</summary>
    private void HandOnMails()
    {
        if (_handingOn is { IsCompleted: false } || _mailsReady.Count == 0) return;
        _handingOn = HandOn();
    }

    private async Task HandOn()
    {
        try
        {
            while (_mailsReady.Count > 0)
            {
                _persistence.EnsureCurrent();
                // In slices: a moved stadium owes tens of thousands of mails, and one call should not carry them all.
                var ids = _mailsReady.Where(State.MailsToHandOn.ContainsKey).Take(HandOnSlice).ToList();
                if (ids.Count == 0)
                {
                    _mailsReady.Clear();
                    return;
                }
                _mailsReady.ExceptWith(ids);
                var owed = ids.Select(id => (Id: id, Mail: State.MailsToHandOn[id])).ToList();
                try
                {
                    var addresses = await AddressesOf(owed.Where(o => o.Mail.To == PendingMail.AddressOfBooking).Select(o => o.Mail.BookingId!));
                    _persistence.EnsureCurrent();
                    var mails = owed
                        .Select(o => o.Mail.To == PendingMail.AddressOfBooking
                            ? addresses.TryGetValue(o.Mail.BookingId!, out var to) ? Compose(o.Id, o.Mail with { To = to }) : null
                            : Compose(o.Id, o.Mail))
                        .OfType<OutboxMail>().ToList();
                    await Task.WhenAll(mails.GroupBy(m => MailShards.Of(m.MailId))
                        .Select(shard => GrainFactory.GetGrain<IMailOutboxGrain>(shard.Key).Enqueue([.. shard])));
                }
                catch (Exception e) when (e is not RetryableException)
                {
                    // Still owed: the sweep or the reminder tries again.
                    _mailsReady.UnionWith(ids);
                    LogHandOnFailed(logger, e, EventId, ids.Count);
                    return;
                }
                _persistence.EnsureCurrent();
                Record(new MailsHandedOn(ids));
                await _persistence.Durable();
            }
        }
        catch (RetryableException)
        {
            // This activation is on its way out; the next one hands on what is still owed.
        }
        catch (Exception e)
        {
            // The record of what left failed to append (the grain deactivates): the next activation hands on again, deduplicated.
            LogHandOnFailed(logger, e, EventId, 0);
        }
    }

    private const int HandOnSlice = 500;

    /// <summary>The addresses the bookings' entries keep (set at booking or transfer); a booking without one is mailed nothing.</summary>
    private async Task<Dictionary<string, string>> AddressesOf(IEnumerable<string> bookingIds)
    {
        var entries = await Task.WhenAll(bookingIds.Distinct().Select(id => GrainFactory.GetGrain<IBookingShardGrain>(BookingIds.ShardOf(id)).Find(id)));
        return entries.Where(e => e?.Email is not null).ToDictionary(e => e!.BookingId, e => e!.Email!);
    }

    /// <summary>
    /// The mail as the sale stands now; null when it no longer fits (a confirmation whose sale was
    /// cancelled before it left: the cancellation's own mail says what matters).
    /// </summary>
    private OutboxMail? Compose(string mailId, PendingMail owed)
    {
        var venue = State.Venue;
        var definition = State.Definition!;
        var place = new MailEvent(EventId, definition.Name, definition.StartsAt, venue?.Name ?? "", venue?.City ?? "", venue?.Address ?? "");
        if (owed.Kind == OwedMail.EventMoved)
        {
            // Sent only while the fan still holds tickets (not after a refund or passing them all on).
            return Map!.SaleOf(owed.Serial, owed.BookingId!) is { Status: SaleStatus.Sold, Tickets.Count: > 0 }
                ? new OutboxMail(mailId, owed.To, new EventMovedMail(place, owed.BookingId!, owed.PreviousStartsAt!.Value), Now)
                : null;
        }
        if (owed.Kind == OwedMail.TicketsReceived)
        {
            // What the receiver holds now: tickets passed on again before this left are not theirs to show.
            return Map!.SaleOf(owed.Serial, owed.BookingId!) is { Status: SaleStatus.Sold, Tickets.Count: > 0 } received
                ? new OutboxMail(mailId, owed.To, new TicketsReceivedMail(place, owed.BookingId!, received), Now)
                : null;
        }
        if (owed.Kind == OwedMail.WaitlistOffer)
        {
            // Only while the seats are still held for the fan: an offer bought, released or run out says nothing worth a mail.
            return Map!.OfferOf(owed.Serial, Now) is { } offer ? new OutboxMail(mailId, owed.To, new WaitlistOfferMail(place, offer), Now) : null;
        }
        if (Map!.BuyerSaleOf(owed.Serial) is not { } sale) return null;
        MailContent? content = owed.Kind switch
        {
            OwedMail.BookingConfirmed when sale.Sale.Status == SaleStatus.Sold => new BookingConfirmedMail(place, sale.BookingId, sale.Sale),
            OwedMail.EventCancelled => new EventCancelledMail(place, sale.BookingId, sale.Sale),
            OwedMail.BookingCancelled when sale.Sale.Status == SaleStatus.Refunded => new BookingCancelledMail(place, sale.BookingId, sale.Sale),
            _ => null,
        };
        return content is null ? null : new OutboxMail(mailId, owed.To, content, Now);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventId}: the mail reminder could not be registered; owed mails leave at the next activation or sweep")]
    private static partial void LogReminderFailed(ILogger logger, Exception exception, string eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventId}: handing {Count} mails on to the outbox failed; the sweep retries")]
    private static partial void LogHandOnFailed(ILogger logger, Exception exception, string eventId, int count);
}
