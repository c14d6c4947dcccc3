using System.Globalization;
using TicketMaster.Events;
using TicketMaster.Grains.Events;
using TicketMaster.Mail;

namespace TicketMaster.Grains.Tests;

/// <summary>The model's waitlist and the mails changes owe: fans waiting in order, offers as holds.</summary>
public sealed partial class JournalReplayTests
{
    private sealed partial class Model
    {
        /// <summary>Fans waiting for standing places, in order; an offer is a hold of the places they waited for.</summary>
        private readonly List<(string User, int Quantity)> _waiting = [];
        private int _offers;

        /// <summary>Mails the changes owe (never handed on in this walk), by mail id: to whom, and which.</summary>
        private readonly Dictionary<string, (string To, OwedMail Kind)> _owedMails = [];

        /// <summary>Half the fans have an address; the others stand for joins and refunds recorded before addresses were kept.</summary>
        private static string? EmailOf(string user) =>
            int.TryParse(user.AsSpan(2), CultureInfo.InvariantCulture, out var n) && n % 2 == 0 ? $"{user}@mail.example" : null;

        private int Owned(string user) => _holds.Values.Where(h => h.User == user).Sum(h => h.Seats.Count + h.Ga);

        private void Waitlist(Random random, string user, DateTimeOffset now)
        {
            switch (random.Next(4))
            {
                case 0 or 1:
                    var quantity = random.Next(1, 4);
                    var joined = map.JoinWaitlist(user, quantity, "GA", EmailOf(user));
                    var place = _waiting.FindIndex(w => w.User == user);
                    if (place >= 0) Assert.Equal((WaitlistStatus.Waiting, place + 1), (joined.Status, joined.Position));
                    else if (Owned(user) + quantity > TicketLimit) Assert.Equal(WaitlistStatus.TicketLimit, joined.Status);
                    else if (GaCapacity - GaTaken >= quantity) Assert.Equal(WaitlistStatus.SeatsAvailable, joined.Status);
                    else
                    {
                        Assert.Equal((WaitlistStatus.Waiting, _waiting.Count + 1), (joined.Status, joined.Position));
                        _waiting.Add((user, quantity));
                    }
                    break;
                case 2:
                    Assert.Equal(_waiting.RemoveAll(w => w.User == user) > 0, map.LeaveWaitlist(user));
                    break;
                default:
                    var offered = map.OfferWaitlist(now + Hold);
                    var expected = 0;
                    foreach (var (waiting, wanted) in _waiting.ToList())
                    {
                        if (Owned(waiting) + wanted > TicketLimit || GaCapacity - GaTaken < wanted) continue;
                        var offer = map.HoldsOf(waiting)[^1];
                        Assert.Equal((wanted, "GA"), (offer.Seats.Count, offer.Seats[0].SectionId));
                        Add(ReserveResult.Held(offer), waiting, [], wanted, now);
                        _waiting.RemoveAll(w => w.User == waiting);
                        if (EmailOf(waiting) is { } to) _owedMails.Add(MailShards.WaitlistOfferOf(offer.ReservationId), (to, OwedMail.WaitlistOffer));
                        expected++;
                    }
                    Assert.Equal(expected, offered);
                    _offers += offered;
                    break;
            }
        }
    }
}
