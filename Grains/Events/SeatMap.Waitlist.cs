using TicketMaster.Events;
using TicketMaster.Mail;

namespace TicketMaster.Grains.Events;

/// <summary>
/// Fans waiting for seats that come back (released, expired, cancelled, refunded). Whenever seats
/// are free, the first fan waiting for that many (in their section, if they named one) gets them
/// held in their name; an offer not bought in time expires like any hold, and its seats go to the next.
/// </summary>
public sealed partial class SeatMap
{
    /// <summary>The fans on the waitlist, so a join is not a walk down a list of 100,000; derived, never stored.</summary>
    private HashSet<string>? _waiting;

    private HashSet<string> Waiting => _waiting ??= [.. _state.Waitlist.Select(e => e.UserId)];

    /// <param name="email">Where an offer to the fan is mailed; none, no mail.</param>
    public WaitlistResult JoinWaitlist(string userId, int quantity, string? sectionId, string? email = null)
    {
        if (quantity < 1 || quantity > ReserveRequest.MaxTickets) return WaitlistResult.Invalid("quantity", $"Quantity must be 1 to {ReserveRequest.MaxTickets}.");
        var section = -1;
        if (sectionId is not null && !_sectionIndex.TryGetValue(sectionId, out section)) return WaitlistResult.Invalid("sectionId", $"Unknown section '{sectionId}'.");
        if (Waiting.Contains(userId)) return new WaitlistResult(WaitlistStatus.Waiting, _state.Waitlist.FindIndex(e => e.UserId == userId) + 1);
        var limit = _state.Definition!.MaxTicketsPerFan;
        var already = TicketsOf(userId);
        if (already + quantity > limit)
        {
            return new WaitlistResult(WaitlistStatus.TicketLimit, Field: "maxTicketsPerFan",
                Error: $"This event allows at most {limit} tickets per fan (maxTicketsPerFan); you already hold or bought {already}.");
        }
        if (CanSeat(quantity, section) >= 0) return WaitlistResult.SeatsAvailable;
        Record(new WaitlistJoined(userId, quantity, section, email));
        return new WaitlistResult(WaitlistStatus.Waiting, _state.Waitlist.Count);
    }

    public bool LeaveWaitlist(string userId)
    {
        if (!Waiting.Contains(userId)) return false;
        Record(new WaitlistLeft(userId));
        return true;
    }

    /// <summary>Offers free seats to waiting fans in order, each held until <paramref name="expiresAt"/>; answers how many offers were made.</summary>
    public int OfferWaitlist(DateTimeOffset expiresAt)
    {
        var offers = 0;
        // Sold out (the usual state of an event with a waitlist): nothing to walk.
        if (TotalAvailable == 0) return 0;
        // A copy: each offer takes its fan off the list. Fans over the ticket limit, or waiting for more than is free, keep their place.
        foreach (var entry in _state.Waitlist.ToList())
        {
            if (TotalAvailable == 0) break;
            if (TicketsOf(entry.UserId) + entry.Quantity > _state.Definition!.MaxTicketsPerFan) continue;
            var section = CanSeat(entry.Quantity, entry.Section);
            if (section < 0) continue;
            var serial = _state.NextSerial;
            if (ReserveBest(entry.UserId, _sections[section].SectionId, entry.Quantity, expiresAt).Status != ReserveStatus.Held) continue;
            Record(new WaitlistOffered(serial, entry.UserId, entry.Email));
            offers++;
        }
        return offers;
    }

    public bool HasWaitlist => _state.Waitlist.Count > 0;

    /// <summary>Whether a waiting fan left an address: an offer to them would owe a mail.</summary>
    public bool WaitlistOwesMail => _state.Waitlist.Any(e => e.Email is not null);

    /// <summary>The waitlist's offer <paramref name="serial"/> while it still holds its seats (not bought, released or expired by <paramref name="now"/>); else null.</summary>
    public Reservation? OfferOf(int serial, DateTimeOffset now) =>
        _state.Holds.TryGetValue(serial, out var hold) && hold.State == HoldState.Held && hold.ExpiresAt > now ? ToReservation(serial, hold) : null;

    /// <summary>The section (its index) that has <paramref name="quantity"/> seats free: <paramref name="section"/> itself, or the first of any when -1; else -1.</summary>
    private int CanSeat(int quantity, int section)
    {
        if (section >= 0) return Available(section) >= quantity ? section : -1;
        for (var i = 0; i < _sections.Length; i++)
        {
            if (Available(i) >= quantity) return i;
        }
        return -1;
    }

    private void Remove(string userId)
    {
        var index = _state.Waitlist.FindIndex(e => e.UserId == userId);
        if (index >= 0) _state.Waitlist.RemoveAt(index);
        _waiting?.Remove(userId);
    }

    private void ApplyWaitlist(EventChange change)
    {
        switch (change)
        {
            case WaitlistJoined joined:
                _state.Waitlist.Add(new WaitlistEntry(joined.UserId, joined.Quantity, joined.Section, joined.Email));
                _waiting?.Add(joined.UserId);
                break;
            case WaitlistLeft left:
                Remove(left.UserId);
                break;
            case WaitlistOffered offered:
                Remove(offered.UserId);
                // Owed in the change that makes the offer; one offer is one hold, so its reservation id names the mail.
                if (offered.MailTo is { } to)
                {
                    _state.MailsToHandOn[MailShards.WaitlistOfferOf(NewReservationId(offered.Serial))] = new PendingMail(offered.Serial, to, OwedMail.WaitlistOffer);
                }
                break;
        }
    }
}
