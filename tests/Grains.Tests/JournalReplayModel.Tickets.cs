using System.Globalization;
using TicketMaster.Events;
using TicketMaster.Grains.Events;

namespace TicketMaster.Grains.Tests;

/// <summary>The model's tickets: codes issued and moved, scanned at the door, as a person would state the rules.</summary>
public sealed partial class JournalReplayTests
{
    private sealed partial class Model
    {
        /// <summary>Every code ever issued, to its hold, ticket index and whether it is that ticket's current code (checked when scanned).</summary>
        private readonly Dictionary<string, (Hold Hold, int Index)> _issuedCodes = [];
        private int _admitted;
        private int _doorBuys;
        private int _transfers;

        /// <summary>What <paramref name="booking"/> holds of the sale: the tickets the model says, with their current codes.</summary>
        private static void AssertHeld(Hold hold, string booking, SaleView sale)
        {
            var held = Enumerable.Range(0, hold.Holders.Length).Where(i => hold.Holders[i] == booking).ToList();
            Assert.Equal(held.Select(i => $"{booking}-{i + 1}"), sale.Tickets.Select(t => t.TicketId));
            Assert.Equal(held.Select(i => hold.Codes![i]), sale.Tickets.Select(t => t.Code));
        }

        /// <summary>
        /// Tickets of every other sale are scanned and moved: a sale with a used ticket never goes
        /// back, so the others keep being returned and refunded.
        /// </summary>
        private static bool AtTheDoor(Hold hold) => Serial(hold.Id) % 2 == 0;

        /// <summary>Often a sold hold, so that tickets are scanned and moved often enough to matter.</summary>
        private Hold? SoldOr(Random random, Hold? hold, DateTimeOffset now)
        {
            // Sales are rare in this walk (a pin and a confirmation of one live hold), so the door buys a few itself.
            if (_doorBuys < 12 && _holds.Values.FirstOrDefault(h => h.Stage == Stage.Held && AtTheDoor(h)) is { } live)
            {
                _doorBuys++;
                var booking = "bkg_" + (++_bookings).ToString(CultureInfo.InvariantCulture);
                Assert.Equal(HoldStatus.Ok, map.Pin(live.Id, live.User, booking, now).Status);
                (live.Stage, live.Booking) = (Stage.Sold, booking);
                AssertSale(live, map.Confirm(live.Id, booking, now));
            }
            var sold = _holds.Values.Where(h => h is { Stage: Stage.Sold, Codes: not null } && AtTheDoor(h)).ToList();
            return sold.Count > 0 && random.Next(4) != 0 ? sold[random.Next(sold.Count)] : hold;
        }

        /// <summary>A code at the door: a sold ticket's current code admits once; an older code, or a cancelled sale's, is void.</summary>
        private void Scan(Random random, Hold? hold, DateTimeOffset now)
        {
            var code = random.Next(4) switch
            {
                0 when _issuedCodes.Count > 0 => _issuedCodes.Keys.ElementAt(random.Next(_issuedCodes.Count)),
                1 => "0123456789ABCDEF0123456789ABCDEF",
                _ when hold?.Codes is { Length: > 0 } codes => codes[random.Next(codes.Length)],
                _ => "FEDCBA9876543210FEDCBA9876543210",
            };
            if (_issuedCodes.TryGetValue(code, out var known) && !AtTheDoor(known.Hold)) return;
            var result = map.Scan(code, now);
            if (!_issuedCodes.TryGetValue(code, out var issued))
            {
                Assert.Equal(ScanStatus.UnknownCode, result.Status);
                return;
            }
            var (ticketHold, index) = issued;
            if (ticketHold.Stage != Stage.Sold || ticketHold.Codes![index] != code)
            {
                Assert.Equal(ScanStatus.Void, result.Status);
                return;
            }
            Assert.Equal(ticketHold.Scanned[index] ? ScanStatus.AlreadyScanned : ScanStatus.Admitted, result.Status);
            Assert.Equal($"{ticketHold.Holders[index]}-{index + 1}", result.TicketId);
            if (!ticketHold.Scanned[index]) _admitted++;
            ticketHold.Scanned[index] = true;
        }

        /// <summary>Some tickets of one holder of a sale move to a new booking, all or none: new codes for them.</summary>
        private void Transfer(Random random, string id, Hold? hold)
        {
            var to = "bkg_" + (++_bookings).ToString(CultureInfo.InvariantCulture);
            if (hold is not { Stage: Stage.Sold, Codes: not null })
            {
                var refused = map.Transfer(id, hold?.Booking ?? to, [$"{hold?.Booking ?? to}-1"], to);
                Assert.Equal(hold?.Stage is Stage.Returned or Stage.Refunded ? TransferStatus.Cancelled : TransferStatus.NotFound, refused.Status);
                return;
            }
            if (!AtTheDoor(hold)) return;
            var from = hold.Holders[random.Next(hold.Holders.Length)];
            var indexes = Enumerable.Range(0, hold.Holders.Length).Where(i => hold.Holders[i] == from && random.Next(2) == 0).ToList();
            if (indexes.Count == 0) return;
            // Now and then a ticket that is someone else's rides along: nothing moves.
            var stray = Enumerable.Range(0, hold.Holders.Length).FirstOrDefault(i => hold.Holders[i] != from, -1);
            var withStray = stray >= 0 && random.Next(4) == 0;
            var asked = indexes.Select(i => $"{from}-{i + 1}").Concat(withStray ? [$"{from}-{stray + 1}"] : []).ToList();
            var result = map.Transfer(id, from, asked, to);
            if (indexes.Any(i => hold.Scanned[i]) || (withStray && hold.Scanned[stray]))
            {
                Assert.Equal(TransferStatus.Scanned, result.Status);
                return;
            }
            if (withStray)
            {
                Assert.Equal(TransferStatus.Moved, result.Status);
                return;
            }
            Assert.Equal(TransferStatus.Transferred, result.Status);
            _transfers++;
            var received = map.SaleOf(id, to)!;
            foreach (var (ticket, i) in received.Tickets.Zip(indexes.Order()))
            {
                hold.Holders[i] = to;
                hold.Codes![i] = ticket.Code;
                Assert.True(_issuedCodes.TryAdd(ticket.Code, (hold, i)), "A transfer reissued an old code.");
            }
            AssertHeld(hold, to, received);
            AssertHeld(hold, from, result.Sale!);
        }

        /// <summary>Every holder of every sold ticket reads the same tickets and codes from <paramref name="other"/>.</summary>
        public void AssertTicketsMatch(SeatMap other)
        {
            foreach (var hold in _holds.Values.Where(h => h is { Stage: Stage.Sold, Codes: not null }))
            {
                foreach (var holder in hold.Holders.Distinct()) AssertHeld(hold, holder, other.SaleOf(hold.Id, holder)!);
            }
        }
    }
}
