using System.Globalization;
using TicketMaster.Events;
using TicketMaster.Grains.Events;
using TicketMaster.Mail;

namespace TicketMaster.Grains.Tests;

/// <summary>The plain model the replay test checks the seat map against: holds, sales, tickets and waits as lists, no serials or journals.</summary>
public sealed partial class JournalReplayTests
{
    private enum Stage { Held, Pinned, Sold, Returned, Refunded }

    private sealed record Hold(string Id, string User, List<string> Seats, int Ga, DateTimeOffset ExpiresAt)
    {
        public Stage Stage { get; set; }
        public string? Booking { get; set; }

        /// <summary>Per ticket, once sold: its current code, the booking holding it, and whether it was admitted.</summary>
        public string[]? Codes { get; set; }
        public string[] Holders { get; set; } = [];
        public bool[] Scanned { get; set; } = [];
    }

    /// <summary>Seats by id and holds by reservation id, changed by the rules as a person would state them.</summary>
    private sealed partial class Model(SeatMap map)
    {
        private static readonly TimeSpan Hold = TimeSpan.FromMinutes(2);
        private readonly Dictionary<string, string?> _seatOwner = map.SeatViews(null).ToDictionary(s => s.SeatId, _ => (string?)null);
        private readonly Dictionary<string, Hold> _holds = [];

        /// <summary>Sales their fan cancelled: the seats are free, the sale is kept (refund under way, or refunded).</summary>
        private readonly Dictionary<string, Hold> _returned = [];
        private readonly List<string> _everIssued = [];
        private int _bookings;
        private int _refunds;

        private int GaTaken => _holds.Values.Sum(h => h.Ga);

        public void Expire(DateTimeOffset now)
        {
            foreach (var hold in _holds.Values.Where(h => h.Stage == Stage.Held && h.ExpiresAt <= now).ToList()) Remove(hold);
        }

        public void Step(Random random, DateTimeOffset now)
        {
            var user = Fans[random.Next(Fans.Length)];
            var owned = _holds.Values.Where(h => h.User == user).Sum(h => h.Seats.Count + h.Ga);
            var wanted = random.Next(1, 4);
            if (random.Next(3) == 0 && owned + wanted > TicketLimit)
            {
                // Past the limit nothing is held, whatever the seats.
                var refused = map.Reserve(ReserveRequest.BestAvailable(user, "GA", wanted), now + Hold);
                Assert.Equal(ReserveStatus.TicketLimit, refused.Status);
                return;
            }
            if (owned + wanted > TicketLimit) return;
            if (random.Next(12) == 0)
            {
                Waitlist(random, user, now);
                return;
            }
            switch (random.Next(9))
            {
                case 0 or 1:
                {
                    var seats = _seatOwner.Keys.OrderBy(_ => random.Next()).Take(wanted).ToList();
                    var result = map.Reserve(ReserveRequest.ChosenSeats(user, seats), now + Hold);
                    var taken = seats.Where(s => _seatOwner[s] is not null).ToList();
                    if (taken.Count > 0)
                    {
                        Assert.Equal(ReserveStatus.Unavailable, result.Status);
                        Assert.Equal(taken, result.Unavailable);
                    }
                    else Add(result, user, seats, 0, now);
                    break;
                }
                case 2:
                {
                    var section = random.Next(2) == 0 ? "A" : "B";
                    var result = map.Reserve(ReserveRequest.BestAvailable(user, section, wanted), now + Hold);
                    if (result.Status == ReserveStatus.Held)
                    {
                        var seats = result.Reservation!.Seats.Select(s => s.SeatId).ToList();
                        Assert.All(seats, s => Assert.True(s.StartsWith(section + "-", StringComparison.Ordinal) && _seatOwner[s] is null));
                        Add(result, user, seats, 0, now);
                    }
                    break;
                }
                case 3:
                {
                    var count = wanted;
                    var result = map.Reserve(ReserveRequest.BestAvailable(user, "GA", count), now + Hold);
                    if (GaCapacity - GaTaken >= count) Add(result, user, [], count, now);
                    else Assert.Equal(ReserveStatus.Unavailable, result.Status);
                    break;
                }
                default:
                    ActOnAnExistingHold(random, now);
                    break;
            }
        }

        private void ActOnAnExistingHold(Random random, DateTimeOffset now)
        {
            if (_everIssued.Count == 0) return;
            // Half the time a hold a booking has reached, so sales are returned and refunded often enough to matter.
            var reached = _holds.Values.Where(h => h.Stage != Stage.Held).Concat(_returned.Values).Select(h => h.Id).ToList();
            var id = reached.Count > 0 && random.Next(2) == 0 ? reached[random.Next(reached.Count)] : _everIssued[random.Next(_everIssued.Count)];
            var hold = _holds.GetValueOrDefault(id) ?? _returned.GetValueOrDefault(id);
            var booking = "bkg_" + (++_bookings).ToString(CultureInfo.InvariantCulture);
            var stage = hold?.Stage;
            switch (random.Next(10))
            {
                case 0:
                    var released = map.Release(id, hold?.User ?? "u_nobody");
                    Assert.Equal(stage switch { Stage.Held => HoldStatus.Ok, Stage.Pinned or Stage.Sold => HoldStatus.Conflict, _ => HoldStatus.Gone }, released.Status);
                    if (released.Status == HoldStatus.Ok) Remove(hold!);
                    break;
                case 1:
                    var pinned = map.Pin(id, hold?.User ?? "u_nobody", booking, now);
                    Assert.Equal(stage switch { null => HoldStatus.Gone, Stage.Held => HoldStatus.Ok, _ => HoldStatus.Conflict }, pinned.Status);
                    if (pinned.Status == HoldStatus.Ok) (hold!.Stage, hold.Booking) = (Stage.Pinned, booking);
                    break;
                case 2:
                    var unpinned = map.Unpin(id, hold?.Booking ?? booking);
                    if (hold is { Stage: Stage.Pinned })
                    {
                        Assert.Equal(HoldStatus.Ok, unpinned.Status);
                        (hold.Stage, hold.Booking) = (Stage.Held, null);
                        // Unpinned past its time, it is free the moment anyone looks.
                        if (hold.ExpiresAt <= now) { map.ExpireDue(now); Remove(hold); }
                    }
                    break;
                case 3:
                    var confirmed = map.Confirm(id, hold?.Booking ?? booking, now);
                    if (hold is { Stage: Stage.Pinned }) hold.Stage = Stage.Sold;
                    if (hold is { Stage: Stage.Sold or Stage.Returned or Stage.Refunded }) AssertSale(hold, confirmed);
                    else Assert.Equal(HoldStatus.Gone, confirmed.Status);
                    break;
                case 4:
                    // A replay of the booking that pinned it: the same sale whatever became of it.
                    if (hold?.Booking is not { } own) break;
                    var replayed = map.Pin(id, hold.User, own, now);
                    if (stage == Stage.Pinned) Assert.Equal((HoldStatus.Ok, null), (replayed.Status, replayed.Sale));
                    else AssertSale(hold, replayed);
                    break;
                case 5:
                    var refunded = map.MarkRefunded(id, hold?.Booking ?? booking, EmailOf(hold?.User ?? "u_nobody"));
                    Assert.Equal(stage is Stage.Returned or Stage.Refunded, refunded);
                    if (stage == Stage.Returned)
                    {
                        hold!.Stage = Stage.Refunded;
                        _refunds++;
                        // The refund, not its repeats, owes the fan one mail; a fan without an address is owed none.
                        if (EmailOf(hold.User) is { } to) _owedMails.Add(MailShards.BookingCancellationOf(hold.Booking!), (to, OwedMail.BookingCancelled));
                    }
                    break;
                case 6:
                    Scan(random, SoldOr(random, hold, now), now);
                    break;
                case 7:
                    var moving = SoldOr(random, hold, now);
                    Transfer(random, moving?.Id ?? id, moving);
                    break;
                default:
                    var returned = map.ReturnSeats(id, hold?.Booking ?? booking, now);
                    if (stage == Stage.Sold && (hold!.Scanned.Any(s => s) || hold.Holders.Any(h => h != hold.Booking)))
                    {
                        Assert.Equal(HoldStatus.Conflict, returned.Status);
                        break;
                    }
                    if (stage == Stage.Sold)
                    {
                        Remove(hold!);
                        hold!.Stage = Stage.Returned;
                        _returned.Add(id, hold);
                    }
                    if (stage is Stage.Sold or Stage.Returned or Stage.Refunded) AssertSale(hold!, returned);
                    else Assert.Equal(HoldStatus.NotFound, returned.Status);
                    break;
            }
        }

        /// <summary>
        /// The answer carries the buyer's part of the sale as the model has it: one ticket a place it
        /// still holds, with the codes they had when sold or last moved.
        /// </summary>
        private void AssertSale(Hold hold, HoldResult result)
        {
            Assert.Equal(HoldStatus.Ok, result.Status);
            var sale = result.Sale!;
            var expected = hold.Stage switch { Stage.Sold => SaleStatus.Sold, Stage.Returned => SaleStatus.Returned, _ => SaleStatus.Refunded };
            Assert.Equal((expected, hold.Id), (sale.Status, sale.ReservationId));
            if (hold.Codes is null)
            {
                Assert.Equal(hold.Seats.Count + hold.Ga, sale.Tickets.Count);
                Assert.Equal(hold.Seats, sale.Tickets.Take(hold.Seats.Count).Select(t => t.SeatId));
                hold.Codes = [.. sale.Tickets.Select(t => t.Code)];
                hold.Holders = [.. sale.Tickets.Select(_ => hold.Booking!)];
                hold.Scanned = new bool[sale.Tickets.Count];
                for (var i = 0; i < hold.Codes.Length; i++) Assert.True(_issuedCodes.TryAdd(hold.Codes[i], (hold, i)), "A code was issued twice.");
            }
            AssertHeld(hold, hold.Booking!, sale);
        }

        private void Add(ReserveResult result, string user, List<string> seats, int ga, DateTimeOffset now)
        {
            Assert.Equal(ReserveStatus.Held, result.Status);
            var hold = new Hold(result.Reservation!.ReservationId, user, seats, ga, now + Hold);
            _holds.Add(hold.Id, hold);
            _everIssued.Add(hold.Id);
            foreach (var seat in seats) _seatOwner[seat] = hold.Id;
        }

        private void Remove(Hold hold)
        {
            _holds.Remove(hold.Id);
            foreach (var seat in hold.Seats) _seatOwner[seat] = null;
        }

        public void AssertMatches(SeatMap map, EventState state)
        {
            var expected = _seatOwner.ToDictionary(s => s.Key, s => s.Value is null ? SeatStatus.Available : _holds[s.Value].Stage == Stage.Sold ? SeatStatus.Sold : SeatStatus.Held);
            Assert.Equal(expected, map.SeatViews(null).ToDictionary(s => s.SeatId, s => s.Status));
            var ga = map.Sections.Single(s => s.SectionId == "GA").Index;
            Assert.Equal(_holds.Values.Where(h => h.Stage != Stage.Sold).Sum(h => h.Ga), map.Held(ga));
            Assert.Equal(_holds.Values.Where(h => h.Stage == Stage.Sold).Sum(h => h.Ga), map.Sold(ga));
            Assert.Equal(_holds.Values.Where(h => h.Stage != Stage.Sold).Select(h => Serial(h.Id)).Order(), state.Holds.Keys.Order());
            Assert.Equal(_holds.Values.Where(h => h.Stage == Stage.Sold).Select(h => Serial(h.Id)).Order(), state.Sales.Keys.Order());
            Assert.Equal(_returned.Values.Select(h => (Serial(h.Id), h.Stage == Stage.Refunded)).Order(), state.Returned.Select(r => (r.Key, r.Value.Refunded)).Order());
            Assert.True(_refunds > 2, $"Only {_refunds} sales were returned and refunded.");
            Assert.True(_admitted > 2 && _transfers > 2, $"Only {_admitted} tickets were admitted and {_transfers} transfers made.");
            Assert.True(_offers > 2, $"Only {_offers} waitlist offers were made.");
            Assert.Equal(_waiting.Select(w => (w.User, w.Quantity, EmailOf(w.User))), state.Waitlist.Select(e => (e.UserId, e.Quantity, e.Email)));
            Assert.True(_owedMails.Values.Any(m => m.Kind == OwedMail.BookingCancelled) && _owedMails.Values.Any(m => m.Kind == OwedMail.WaitlistOffer),
                "No refund or no offer owed a mail.");
            Assert.Equal(_owedMails.OrderBy(m => m.Key, StringComparer.Ordinal), state.MailsToHandOn.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => KeyValuePair.Create(m.Key, (m.Value.To, m.Value.Kind))));
            Assert.Equal(0, map.Audit().SeatsClaimedTwice);
            Assert.All(Fans, fan => Assert.Equal(_holds.Values.Where(h => h.User == fan).Sum(h => h.Seats.Count + h.Ga), map.TicketsOf(fan)));
        }

        private static int Serial(string reservationId) =>
            int.Parse(reservationId[(reservationId.IndexOf('.') + 1)..reservationId.IndexOf('-')], CultureInfo.InvariantCulture);
    }
}
